// What the adapter refuses, and how it says so: each reason names the element (or `xml`,
// `namespace`) and the problem, so a dead letter tells the integrator where to look.
import { describe, expect, it } from 'vitest';
import { translateB2mml } from '../../orchestration-core/connectors/b2mml/translate';
import { b2mmlContext, rejectionReason, translatedEvents, v0700Message } from '../helpers/b2mml-messages';

const lot = (body: string) => v0700Message('SyncMaterialLot', `<MaterialLot>${body}</MaterialLot>`);
const quantity = (text: string, unit = 'KG') => `<Quantity><QuantityString>${text}</QuantityString><UnitOfMeasure>${unit}</UnitOfMeasure></Quantity>`;
const performance = (actual: string) =>
  v0700Message('ProcessOperationsPerformance', `<OperationsPerformance><ID>P</ID><OperationsResponse><ID>R</ID><SegmentResponse><ID>S</ID>${actual}</SegmentResponse></OperationsResponse></OperationsPerformance>`);

describe('B2MML rejections: the text', () => {
  it('refuses anything that is not message text', () => {
    expect(rejectionReason(42)).toBe('xml: expected the message text, got number');
    expect(rejectionReason(null)).toBe('xml: expected the message text, got null');
    expect(rejectionReason(undefined)).toBe('xml: expected the message text, got undefined');
    expect(rejectionReason({ xml: '<a/>' })).toBe('xml: expected the message text, got object');
    expect(rejectionReason(new TextEncoder().encode('<a/>'))).toBe('xml: expected the message text, got object');
  });

  it('refuses an empty message, a BOM alone, blanks', () => {
    for (const empty of ['', '\uFEFF', '  \n\t ']) expect(rejectionReason(empty)).toBe('xml: empty message');
  });

  it('refuses XML that is not well-formed, with the parser message and the line', () => {
    const reason = rejectionReason('<SyncMaterialLot xmlns="http://www.mesa.org/xml/B2MML">\n  <DataArea>\n</SyncMaterialLot>');
    expect(reason).toMatch(/^xml: not well-formed: .*'DataArea'.* at line 3, column 1$/);
    expect(rejectionReason('just text')).toMatch(/^xml: not well-formed: .* at line 1, column 1$/);
    expect(rejectionReason('<a><b></a>')).toMatch(/^xml: not well-formed: /);
    // Cut short: the validator gives no position, so the reason says where the message stops.
    const whole = lot('<ID>L-1</ID>');
    expect(rejectionReason(whole.slice(0, whole.indexOf('</ID>') + '</ID>'.length))).toBe('xml: not well-formed: the message ends inside <MaterialLot> with 3 elements left open');
  });

  it('refuses two root elements', () => {
    expect(rejectionReason('<a xmlns="http://www.mesa.org/xml/B2MML"/><b/>')).toBe('xml: expected one root element, found 2');
  });

  it('refuses any DOCTYPE, so no entity can expand (billion laughs, external entities)', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE SyncMaterialLot [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
${lot('<ID>&lol2;</ID>')}`;
    const external = `<!-- a comment first --><?pi x?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${lot('<ID>&x;</ID>')}`;
    for (const xml of [laughs, external]) expect(rejectionReason(xml)).toBe('xml: a DOCTYPE is not accepted (B2MML needs none, and its entities could expand without bound)');
  });

  it('refuses a DOCTYPE inside the root element too, and expands no entity but XML’s five and character references', () => {
    const inside = lot('<!DOCTYPE x [<!ENTITY a "Z">]><ID>LOT-&a;</ID>');
    expect(rejectionReason(inside)).toBe('xml: a DOCTYPE is not accepted (B2MML needs none, and its entities could expand without bound)');
    expect(rejectionReason(lot('<ID>LOT&nbsp;1</ID>'))).toBe('xml: entity &nbsp; is not one of XML’s five (&lt; &gt; &amp; &quot; &apos;) nor a character reference');
    expect(rejectionReason(lot('<ID>LOT-&copy;</ID>'))).toMatch(/^xml: entity &copy; is not one of XML’s five/);
    // What XML itself defines still reads: the five, decimal and hexadecimal character references, and a CDATA section or comment holding anything.
    const readable = v0700Message('ProcessMaterialLot', '<MaterialLot><ID>L&amp;&#45;&#x31;</ID><Description><![CDATA[R&D &nbsp; <!DOCTYPE>]]></Description><!-- &copy; --><Status>Hold</Status></MaterialLot>');
    expect(translatedEvents(readable)[0]?.payload).toMatchObject({ lotId: 'L&-1', status: 'Hold' });
  });

  it('finds a DOCTYPE or an entity a comment or CDATA section seemed to hide, as the parser reads them, left to right', () => {
    const doctype = 'xml: a DOCTYPE is not accepted (B2MML needs none, and its entities could expand without bound)';
    // A comment may hold "<![CDATA[": the DOCTYPE and the entity after it are markup, not CDATA.
    expect(rejectionReason(lot('<!-- <![CDATA[ --><!DOCTYPE x [<!ENTITY a "Z">]><ID>LOT-&a;</ID><!-- ]]> -->'))).toBe(doctype);
    expect(rejectionReason(lot('<!-- <![CDATA[ --><ID>LOT&nbsp;1</ID><!-- ]]> -->'))).toMatch(/^xml: entity &nbsp; is not one of XML’s five/);
    // Nor does a lower-case doctype, or a declaration without one, pass.
    expect(rejectionReason(lot('<!doctype x [<!ENTITY a "Z">]><ID>LOT-1</ID>'))).toBe(doctype);
    expect(rejectionReason(lot('<!ENTITY a "Z"><ID>LOT-1</ID>'))).toBe('xml: <!ENTITY is not accepted: only a comment or a CDATA section may open with <! in a B2MML message');
  });

  it('refuses a character reference to what is not an XML character, naming it', () => {
    for (const reference of ['&#0;', '&#x1F;', '&#1114112;', '&#xFFFFFFFFFF;', '&#xFFFE;']) {
      expect(rejectionReason(lot(`<ID>LOT-${reference}</ID>`))).toBe(`xml: character reference ${reference} is not a character XML allows`);
    }
    expect(translatedEvents(v0700Message('ProcessMaterialLot', '<MaterialLot><ID>L-&#x10FFFF;&#9;</ID><Status>Hold</Status></MaterialLot>'))[0]?.payload).toMatchObject({ lotId: 'L-\u{10FFFF}' });
  });

  it('refuses a message longer than the B2MML payload allows', () => {
    expect(rejectionReason(lot(`<ID>L</ID><Description>${'x'.repeat(4_000_000)}</Description>`))).toMatch(/^xml: message of \d+ characters is longer than 4000000$/);
  });
});

describe('B2MML rejections: namespace and message type', () => {
  it('accepts only the V0700 and V0401 namespaces, naming the one it got', () => {
    expect(rejectionReason('<SyncMaterialLot xmlns="http://example.com/b2mml"/>')).toBe('namespace: http://example.com/b2mml is not B2MML V0700 or V0401');
    expect(rejectionReason('<SyncMaterialLot xmlns="http://www.mesa.org/xml/B2MML-V0600"/>')).toBe('namespace: http://www.mesa.org/xml/B2MML-V0600 is not B2MML V0700 or V0401');
    // The prefix decides, not a default namespace beside it.
    expect(rejectionReason('<x:SyncMaterialLot xmlns:x="urn:other" xmlns="http://www.mesa.org/xml/B2MML"/>')).toBe('namespace: urn:other is not B2MML V0700 or V0401');
    expect(rejectionReason('<SyncMaterialLot/>')).toMatch(/^namespace: <SyncMaterialLot> has no namespace; expected B2MML V0700 \(http:\/\/www.mesa.org\/xml\/B2MML\) or V0401/);
    expect(rejectionReason('<b2mml:SyncMaterialLot/>')).toBe('xml: prefix "b2mml" of <b2mml:SyncMaterialLot> is not declared');
  });

  it('refuses other nouns and the verbs that state nothing, listing what it takes', () => {
    const supported = '(supported: Sync, Process, Show, Change, Respond of MaterialDefinition, MaterialLot, MaterialInformation, OperationsPerformance, ProductionPerformance, OperationsSchedule, ProductionSchedule, TestResult, OperationsTestInformation)';
    expect(rejectionReason(v0700Message('SyncPurchaseOrder', '<PurchaseOrder/>'))).toBe(`SyncPurchaseOrder: not a supported B2MML message ${supported}`);
    expect(rejectionReason(v0700Message('ShowEquipment', '<Equipment><ID>E</ID></Equipment>'))).toBe(`ShowEquipment: not a supported B2MML message ${supported}`);
    expect(rejectionReason(v0700Message('GetMaterialLot', '<MaterialLot><ID>L</ID></MaterialLot>'))).toBe(`GetMaterialLot: not a supported B2MML message ${supported}`);
    expect(rejectionReason(v0700Message('CancelMaterialLot', '<MaterialLot><ID>L</ID></MaterialLot>'))).toMatch(/^CancelMaterialLot: not a supported/);
    expect(rejectionReason('<MaterialLot xmlns="http://www.mesa.org/xml/B2MML"><ID>L</ID></MaterialLot>')).toMatch(/^MaterialLot: not a supported/);
  });

  it('refuses a supported message that carries nothing', () => {
    expect(rejectionReason('<SyncMaterialLot xmlns="http://www.mesa.org/xml/B2MML"><ApplicationArea/></SyncMaterialLot>')).toBe('DataArea: missing');
    expect(rejectionReason(v0700Message('SyncMaterialLot', ''))).toBe('DataArea.MaterialLot: missing: the message carries no MaterialLot');
    expect(rejectionReason(v0700Message('SyncMaterialInformation', '<MaterialInformation><ID>I</ID></MaterialInformation>'))).toBe('MaterialInformation: carries no MaterialDefinition or MaterialLot');
    expect(rejectionReason(v0700Message('ProcessOperationsPerformance', '<OperationsPerformance><ID>P</ID></OperationsPerformance>'))).toBe('OperationsPerformance[0].OperationsResponse: missing');
    expect(rejectionReason(v0700Message('ProcessOperationsSchedule', '<OperationsSchedule><ID>S</ID></OperationsSchedule>'))).toBe('OperationsSchedule[0].OperationsRequest: missing');
    expect(rejectionReason(v0700Message('SyncOperationsTestInformation', '<OperationsTestInformation/>'))).toBe('OperationsTestInformation: carries no TestResult');
  });
});

describe('B2MML rejections: the content', () => {
  it('names a missing ID by its element path', () => {
    expect(rejectionReason(lot('<Status>Released</Status>'))).toBe('MaterialLot[0].ID: missing');
    expect(rejectionReason(lot('<ID>L</ID><MaterialSubLot><ID>S1</ID></MaterialSubLot><MaterialSubLot><ID> </ID></MaterialSubLot>'))).toBe('MaterialLot[0].MaterialSubLot[1].ID: missing');
    expect(rejectionReason(v0700Message('SyncMaterialDefinition', '<MaterialDefinition><ID>A</ID></MaterialDefinition><MaterialDefinition/>'))).toBe('MaterialDefinition[1].ID: missing');
    expect(rejectionReason(v0700Message('SyncTestResult', '<TestResult><ID>T</ID></TestResult>'))).toBe('TestResult[0].TestableObjectID: missing');
  });

  it('names a quantity that is not a number, negative or missing', () => {
    const actual = (quantities: string) => performance(`<MaterialActual><ID>A</ID><MaterialDefinitionID>M</MaterialDefinitionID><MaterialUse>Consumed</MaterialUse>${quantities}</MaterialActual>`);
    const path = 'OperationsPerformance[0].OperationsResponse[0].SegmentResponse[0].MaterialActual[0]';
    expect(rejectionReason(actual(quantity('12,5')))).toBe(`${path}.Quantity[0].QuantityString: "12,5" is not a number`);
    expect(rejectionReason(actual(quantity('1') + quantity('lots')))).toBe(`${path}.Quantity[1].QuantityString: "lots" is not a number`);
    expect(rejectionReason(actual(quantity('-3')))).toBe(`${path}.Quantity[0].QuantityString: -3 is negative`);
    expect(rejectionReason(actual('<Quantity><UnitOfMeasure>KG</UnitOfMeasure></Quantity>'))).toBe(`${path}.Quantity[0].QuantityString: missing`);
    expect(rejectionReason(actual(''))).toBe(`${path}.Quantity: missing`);
    expect(rejectionReason(lot(`<ID>L</ID>${quantity('1e999')}`))).toBe('MaterialLot[0].Quantity[0].QuantityString: "1e999" is not a number');
  });

  it('names a date it cannot place in time', () => {
    expect(rejectionReason(lot('<ID>L</ID><MaterialLotProperty><ID>ExpiryDate</ID><Value><ValueString>31/12/2027</ValueString></Value></MaterialLotProperty>'))).toBe(
      'MaterialLot[0].MaterialLotProperty[0].Value[0].ValueString: "31/12/2027" is not a date',
    );
    expect(rejectionReason(lot('<ID>L</ID><MaterialLotProperty><ID>Expiry</ID><Value><ValueString>2027-02-30</ValueString></Value></MaterialLotProperty>'))).toMatch(/"2027-02-30" is not a date$/);
    expect(rejectionReason(v0700Message('SyncTestResult', '<TestResult><ID>T</ID><EvaluationDate>2026-03-03T10:20:00</EvaluationDate><TestableObjectID>L</TestableObjectID></TestResult>'))).toBe(
      'TestResult[0].EvaluationDate: "2026-03-03T10:20:00" is not a date-time with a UTC offset',
    );
  });

  it('holds every event to the canonical schema and names the element it came from', () => {
    expect(rejectionReason(lot(`<ID>${'L'.repeat(81)}</ID>`))).toMatch(/^MaterialLot\[0\]: payload\.lotId: Too big/);
    expect(rejectionReason(lot(`<ID>L</ID><MaterialLotProperty><ID>Note</ID><Value><ValueString>${'n'.repeat(501)}</ValueString></Value></MaterialLotProperty>`))).toMatch(
      /^MaterialLot\[0\]: payload\.properties\.Note: Too big/,
    );
    expect(rejectionReason(lot('<ID>L</ID>'), { ...b2mmlContext, stream: '' })).toMatch(/^MaterialLot\[0\]: stream: Too small/);
  });

  it('never throws, even when the context itself is not one', () => {
    const translation = translateB2mml(lot('<ID>L</ID>'), null as never);
    expect(translation).toMatchObject({ ok: false });
  });
});
