import { describe, expect, it } from 'vitest';
import { auditCsv, csvField, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes a field only when it holds a comma, a quote or a line break (RFC 4180)', () => {
    expect(csvField('Mexico')).toBe('Mexico');
    expect(csvField('Lucía Hernández (Mexico)')).toBe('Lucía Hernández (Mexico)');
    expect(csvField('Bolivia, Plurinational State of')).toBe('"Bolivia, Plurinational State of"');
    expect(csvField('the "Chair"')).toBe('"the ""Chair"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('defuses a cell that a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(formula).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvField('Amina = Chair')).toBe('Amina = Chair');
  });

  it('writes a header row and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('lays out one audit entry per row, the detail as JSON', () => {
    const csv = auditCsv([
      {
        id: 1,
        meetingId: 'm1',
        at: '2021-07-26T14:00:00.000Z',
        actorUserId: 'u1',
        actorName: 'Amina Wanjiru',
        actorDelegation: 'Kenya',
        action: 'participant.update',
        target: 'Lucía Hernández (Mexico)',
        detail: { role: { from: 'delegation', to: 'observer' } },
      },
    ]);
    expect(csv).toBe(
      'When (UTC),Who,Delegation,Action,Target,Detail\r\n' +
        '2021-07-26T14:00:00.000Z,Amina Wanjiru,Kenya,participant.update,Lucía Hernández (Mexico),' +
        '"{""role"":{""from"":""delegation"",""to"":""observer""}}"\r\n',
    );
  });
});
