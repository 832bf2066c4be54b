// Test results as canonical inspection results. Two shapes reach us: the older one inside a
// MaterialLotProperty (ID, TestDateTime, Result values) and V0700's TestResult (EvaluationDate,
// EvaluatedCriterionResult, PropertyMeasurement, TestResultChild, TestableObjectID).
import type { TestResult } from '../../../shared/events';
import { optionalDateTime } from './date-time';
import { definedFields, type EventDraft } from './event-draft';
import type { PropertyReading } from './properties';
import { childrenNamed, eachChild, firstChild, optionalText, requiredText, type Located, type XmlElement } from './xml-element';

const outcomes = new Map<string, 'pass' | 'fail'>([
  ['pass', 'pass'],
  ['passed', 'pass'],
  ['ok', 'pass'],
  ['fail', 'fail'],
  ['failed', 'fail'],
  ['nok', 'fail'],
]);

function outcomeOf(words: readonly (string | undefined)[]): 'pass' | 'fail' | undefined {
  for (const word of words) {
    const outcome = word === undefined ? undefined : outcomes.get(word.trim().toLowerCase());
    if (outcome) return outcome;
  }
  return undefined;
}

interface ValueReading {
  value: string | undefined;
  unit: string | undefined;
}

function readValue(value: XmlElement | undefined): ValueReading {
  return value ? { value: optionalText(value, 'ValueString'), unit: optionalText(value, 'UnitOfMeasure') } : { value: undefined, unit: undefined };
}

/** The results one TestResult element states, its TestResultChild elements' included. */
export function readTestResults({ element: testResult, path }: Located): TestResult[] {
  const testId = requiredText(testResult, 'ID', path);
  const description = optionalText(testResult, 'Description');
  const testedAt = optionalDateTime(testResult, 'TestDateTime', path) ?? optionalDateTime(testResult, 'EvaluationDate', path);
  const resultValues = childrenNamed(testResult, 'Result').map(readValue);
  const criterion = optionalText(testResult, 'EvaluatedCriterionResult');
  const measurements = eachChild(testResult, 'PropertyMeasurement', path).map(({ element, path: measurementPath }) => ({
    id: requiredText(element, 'ID', measurementPath),
    description: optionalText(element, 'Description'),
    measuredAt: optionalDateTime(element, 'MeasurementDate', measurementPath),
    ...readValue(firstChild(element, 'Value')),
  }));
  const values = [...resultValues, ...measurements];
  const outcome = outcomeOf([criterion, ...values.map((reading) => reading.value)]);
  const children = eachChild(testResult, 'TestResultChild', path).flatMap(readTestResults);
  if (measurements.length > 1) {
    // One test measured several properties: one result each, so no value is lost.
    const each = measurements.map((measurement) =>
      definedFields<TestResult>({
        testId: `${testId}/${measurement.id}`,
        description: measurement.description ?? description,
        value: measurement.value,
        unit: measurement.unit,
        outcome: outcomeOf([measurement.value]) ?? outcome,
        testedAt: measurement.measuredAt ?? testedAt,
      }),
    );
    return [...each, ...children];
  }
  // A value that is itself the verdict ("Pass") gives way to a measured one when there is both.
  const measured = values.find((reading) => reading.value !== undefined && outcomeOf([reading.value]) === undefined) ?? values[0];
  const result = definedFields<TestResult>({ testId, description, value: measured?.value, unit: measured?.unit, outcome, testedAt: testedAt ?? measurements[0]?.measuredAt });
  return [result, ...children];
}

/** The results a lot's (or sub-lot's) properties carry, in document order. */
export function propertyTestResults(properties: readonly PropertyReading[]): TestResult[] {
  return properties.flatMap((property) => eachChild(property.element, 'TestResult', property.path).flatMap(readTestResults));
}

/** V0700 TestResult messages: one inspection.recorded per tested object (TestableObjectID), in order of first mention. */
export function testResultEvents(testResults: readonly Located[]): EventDraft[] {
  const byObject = new Map<string, { path: string; results: TestResult[] }>();
  for (const testResult of testResults) {
    const objectId = requiredText(testResult.element, 'TestableObjectID', testResult.path);
    const entry = byObject.get(objectId) ?? { path: testResult.path, results: [] };
    entry.results.push(...readTestResults(testResult));
    byObject.set(objectId, entry);
  }
  return [...byObject].map(([lotId, { path, results }]) => ({ path, type: 'inspection.recorded', correlationId: lotId, payload: { lotId, results } }));
}
