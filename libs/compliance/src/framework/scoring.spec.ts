import { frameworkScore, statusCounts } from './scoring';

describe('frameworkScore', () => {
  it('is the mean score of the applicable controls, waived ones included', () => {
    expect(
      frameworkScore([
        { status: 'pass', score: 1 },
        { status: 'fail', score: 0.25 },
        { status: 'waived', score: 0.5 },
        { status: 'not-applicable', score: 0 },
      ]),
    ).toBeCloseTo((1 + 0.25 + 0.5) / 3);
  });

  it('is 1 when no control applies', () => {
    expect(frameworkScore([])).toBe(1);
    expect(frameworkScore([{ status: 'not-applicable', score: 0 }])).toBe(1);
  });
});

describe('statusCounts', () => {
  it('counts every status', () => {
    const statuses = ['pass', 'fail', 'fail', 'waived', 'not-applicable', 'pass', 'pass'] as const;
    expect(statusCounts(statuses.map((status) => ({ status })))).toEqual({
      pass: 3,
      fail: 2,
      notApplicable: 1,
      waived: 1,
    });
  });
});
