// The keyboard focus ring drawn in SVG, where a CSS outline does not reach (a chart's bar, a segment):
// the app's two-colour ring (focus-ring.ts) around a box, 2 px out, 3 px wide. Hidden until its
// focusable ancestor has visible focus (styles.css: .svg-focus).
import { FOCUS_RING, FOCUS_RING_GAP, FOCUS_RING_WIDTH } from '../focus-ring';

interface Props {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function FocusRing({ x, y, width, height }: Props) {
  const band = FOCUS_RING_GAP / 2;
  const ring = FOCUS_RING_GAP + FOCUS_RING_WIDTH / 2;
  return (
    <g className="svg-focus" fill="none" pointerEvents="none" aria-hidden="true">
      <rect x={x - band} y={y - band} width={width + 2 * band} height={height + 2 * band} rx={3} stroke={FOCUS_RING.inner} strokeWidth={FOCUS_RING_GAP} />
      <rect x={x - ring} y={y - ring} width={width + 2 * ring} height={height + 2 * ring} rx={4} stroke={FOCUS_RING.colour} strokeWidth={FOCUS_RING_WIDTH} />
    </g>
  );
}
