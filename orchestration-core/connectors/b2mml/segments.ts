// Segments nest: V0700 calls the inner ones SegmentRequirementChild / SegmentResponseChild, V0401
// repeats SegmentRequirement / SegmentResponse. Both are walked, depth first in document order.
import { eachChild, type Located } from './xml-element';

/** Every element called `name` under the owner and its nested segments, outer ones first. */
export function collectFromSegments(owner: Located, segmentNames: readonly string[], name: string): Located[] {
  const own = eachChild(owner.element, name, owner.path);
  const nested = segmentNames.flatMap((segmentName) => eachChild(owner.element, segmentName, owner.path));
  return [...own, ...nested.flatMap((segment) => collectFromSegments(segment, segmentNames, name))];
}

/** The objects of either version's name (OperationsRequest or ProductionRequest, say) in the owner. */
export function eachOfEither(owner: Located, names: readonly [string, string]): Located[] {
  return names.flatMap((name) => eachChild(owner.element, name, owner.path));
}
