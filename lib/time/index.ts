export {
  addUnits,
  isRelativeExpression,
  resolveDateMath,
  roundTo,
  timeExpressionProblem,
  TimeExpressionError,
  type DateMathUnit,
} from '@/lib/time/date-math';
export { parseIsoInstant } from '@/lib/time/iso';
export { InvalidTimeRangeError, rangeNeedsZone, resolveTimeRange, type ResolvedRange } from '@/lib/time/range';
export { inZone, isValidTimeZone, UTC, wallClockToEpoch, zoneOffsetMinutes } from '@/lib/time/zone';
