// Tests start the same Node engine the command line uses.
export { startNodeEngine } from '../../scripts/node-engine';
