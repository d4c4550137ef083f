import type { Model } from '../model/types';
import type { SimCluster, SimulateOptions } from './types';
export type * from './types';

// Placeholder until the simulator lands: the real `simulateModel` builds pods, Services and EndpointSlices.
export function simulateModel(_model: Model, _options: SimulateOptions = {}): SimCluster {
  throw new Error('the simulator is not available yet');
}
