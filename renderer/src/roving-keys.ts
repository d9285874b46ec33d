// The keys of a chart or map that is one Tab stop (a roving tabindex), shared by the bar charts and the
// map's units: the arrow keys step through the items in their order and wrap,
// Home and End go to the first and the last, a letter to the next item whose name starts with it;
// Enter and Space press the item, as they press an HTML button.

export function isSelectKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/** Where `key` moves the focus among `order` from the item `current`; null for any other key. */
export function itemForKey(order: readonly { id: string; name: string }[], current: string, key: string): string | null {
  if (order.length === 0) return null;
  const at = Math.max(0, order.findIndex((item) => item.id === current));
  const step = (by: number) => order[(at + by + order.length) % order.length]!.id;
  if (key === 'ArrowDown' || key === 'ArrowRight') return step(1);
  if (key === 'ArrowUp' || key === 'ArrowLeft') return step(-1);
  if (key === 'Home') return order[0]!.id;
  if (key === 'End') return order.at(-1)!.id;
  if (key.length !== 1 || !/\p{L}/u.test(key)) return null;
  const letter = key.toLocaleLowerCase('sv');
  for (let i = 1; i <= order.length; i++) {
    const item = order[(at + i) % order.length]!;
    if (item.name.toLocaleLowerCase('sv').startsWith(letter)) return item.id;
  }
  return null;
}
