// V0700 test results (TestResult and OperationsTestInformation messages) as inspection.recorded, one
// event per tested object, with the verdict read from the words labs use.
import { describe, expect, it } from 'vitest';
import { b2mmlFixture, envelope, translatedEvents, v0700Message } from '../helpers/b2mml-messages';

describe('B2MML test results', () => {
  it('SyncTestResult: one inspection.recorded per lot; a test with several measurements gives one result each', () => {
    expect(translatedEvents(b2mmlFixture('v0700-test-results.xml'))).toEqual([
      {
        ...envelope(1, 'b2mml:LIMS-P1', '2026-03-03T11:00:00Z'),
        type: 'inspection.recorded',
        correlationId: 'LOT-RESIN-0042',
        payload: {
          lotId: 'LOT-RESIN-0042',
          results: [
            { testId: 'TR-VISC-01', description: 'Viscosity at 25 °C', value: '12500', unit: 'mPa.s', outcome: 'pass', testedAt: '2026-03-03T10:20:00Z' },
            { testId: 'TR-EEW-02/EEW', description: 'Epoxy equivalent weight', value: '214', unit: 'g/eq', outcome: 'fail', testedAt: '2026-03-03T09:35:00Z' },
            { testId: 'TR-EEW-02/COLOUR', description: 'Epoxy equivalent weight and colour', value: '3', unit: 'Gardner', outcome: 'fail', testedAt: '2026-03-03T09:40:00Z' },
            { testId: 'TR-EEW-02-RETEST', outcome: 'fail', testedAt: '2026-03-03T10:55:00Z' },
          ],
        },
      },
      {
        ...envelope(2, 'b2mml:LIMS-P1', '2026-03-03T11:00:00Z'),
        type: 'inspection.recorded',
        correlationId: 'LOT-PISTON-1107',
        payload: {
          lotId: 'LOT-PISTON-1107',
          results: [{ testId: 'TR-DIA-07', description: 'Piston diameter', value: '24.98', unit: 'mm', outcome: 'pass', testedAt: '2026-03-03T14:05:00Z' }],
        },
      },
    ]);
  });

  it('OperationsTestInformation: its TestResults the same way; a value without a verdict word has no outcome', () => {
    const xml = v0700Message(
      'ProcessOperationsTestInformation',
      `<OperationsTestInformation><ID>OTI-9</ID>
         <TestResult><ID>T-1</ID><TestableObjectID>LOT-9</TestableObjectID><PropertyMeasurement><ID>M</ID><Value><ValueString>0.42</ValueString><UnitOfMeasure>%</UnitOfMeasure></Value></PropertyMeasurement></TestResult>
         <TestResult><ID>T-2</ID><TestableObjectID>LOT-9</TestableObjectID><EvaluatedCriterionResult>passed</EvaluatedCriterionResult></TestResult>
       </OperationsTestInformation>`,
    );
    expect(translatedEvents(xml)).toEqual([
      {
        ...envelope(1, 'b2mml:mes-gateway', '2026-03-06T07:00:00Z'),
        type: 'inspection.recorded',
        correlationId: 'LOT-9',
        payload: { lotId: 'LOT-9', results: [{ testId: 'T-1', value: '0.42', unit: '%' }, { testId: 'T-2', outcome: 'pass' }] },
      },
    ]);
  });
});
