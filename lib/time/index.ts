export { addUnits, resolveDateMath, roundTo, TimeExpressionError, type DateMathUnit } from '@/lib/time/date-math';
export { parseIsoInstant } from '@/lib/time/iso';
export { InvalidTimeRangeError, resolveTimeRange, type ResolvedRange } from '@/lib/time/range';
