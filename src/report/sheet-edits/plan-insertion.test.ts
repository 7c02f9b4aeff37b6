import { SUPPLEMENT_SHEET_NAME } from '../layout/supplement';
import { SUPPLEMENT_NAMES } from '../narrative/supplement-model';
import { freeSheetName, planInsertion } from './plan-insertion';

const sheetsAdded = (edits: ReturnType<typeof planInsertion>['edits']) =>
  edits.flatMap((e) => (e.op === 'addSheet' ? [e.sheet] : []));

describe('planning an insertion', () => {
  it('picks sheet names nobody has, compared as spreadsheets do (case-insensitively)', () => {
    expect(freeSheetName([])).toBe('年报');
    expect(freeSheetName(['年报', '年报(2)'])).toBe('年报(3)');
    expect(freeSheetName(['Sheet1'], 'sheet1')).toBe('sheet1(2)');
  });

  it('adds the 补充信息 sheet beside the report, next to a user sheet of the same name', () => {
    const { sheet, edits } = planInsertion(
      { sheets: ['年报', SUPPLEMENT_SHEET_NAME], names: [] },
      { agency: '某局', year: 2025 },
    );
    expect(sheet).toBe('年报(2)');
    expect(sheetsAdded(edits)).toEqual(['年报(2)', `${SUPPLEMENT_SHEET_NAME}(2)`]);
  });

  it('keeps a 补充信息 sheet of ours that survived an earlier template', () => {
    const names = [{ name: SUPPLEMENT_NAMES[0], ref: `${SUPPLEMENT_SHEET_NAME}!C3` }];
    expect(sheetsAdded(planInsertion({ sheets: [SUPPLEMENT_SHEET_NAME], names }).edits)).toEqual(['年报']);
    const broken = [{ name: SUPPLEMENT_NAMES[0], ref: null }];
    expect(sheetsAdded(planInsertion({ sheets: [], names: broken }).edits)).toEqual(['年报', SUPPLEMENT_SHEET_NAME]);
  });
});
