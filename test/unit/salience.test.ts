import { describe, expect, it } from 'vitest';
import { mendelowQuadrant, mitchellClass, salienceOf, spreadPoints } from '~/modules/stakeholders/rules';

describe('Mendelow quadrant (high = 3 or more on 1–5)', () => {
  it.each([
    [3, 3, 'manage-closely'], [5, 5, 'manage-closely'], [3, 5, 'manage-closely'], [5, 3, 'manage-closely'],
    [3, 2, 'keep-satisfied'], [5, 1, 'keep-satisfied'], [3, 1, 'keep-satisfied'],
    [2, 3, 'keep-informed'], [1, 5, 'keep-informed'], [2, 5, 'keep-informed'],
    [2, 2, 'monitor'], [1, 1, 'monitor'], [1, 2, 'monitor'], [2, 1, 'monitor'],
  ])('power %i, interest %i → %s', (power, interest, quadrant) => {
    expect(mendelowQuadrant(power, interest)).toBe(quadrant);
  });

  it('covers the whole grid with the boundary between 2 and 3 on both axes', () => {
    for (let power = 1; power <= 5; power += 1) {
      for (let interest = 1; interest <= 5; interest += 1) {
        const high = [power >= 3, interest >= 3].join();
        const expected = { 'true,true': 'manage-closely', 'true,false': 'keep-satisfied', 'false,true': 'keep-informed', 'false,false': 'monitor' }[high];
        expect(mendelowQuadrant(power, interest)).toBe(expected);
      }
    }
  });
});

describe('Mitchell–Agle–Wood class', () => {
  it.each([
    // power at the boundary: 3 is power, 2 is not
    [3, true, true, 'definitive'], [2, true, true, 'dependent'],
    [3, true, false, 'dominant'], [2, true, false, 'discretionary'],
    [3, false, true, 'dangerous'], [2, false, true, 'demanding'],
    [3, false, false, 'dormant'], [2, false, false, 'none'],
    [5, true, true, 'definitive'], [1, false, false, 'none'], [1, true, true, 'dependent'], [5, false, false, 'dormant'],
  ] as const)('power %i, legitimacy %s, urgency %s → %s', (power, legitimacy, urgency, expected) => {
    expect(mitchellClass(power, legitimacy, urgency)).toBe(expected);
  });

  it('salienceOf stores both for an assessment', () => {
    expect(salienceOf({ power: 4, interest: 2, legitimacy: true, urgency: false })).toEqual({ quadrant: 'keep-satisfied', mitchellClass: 'dominant' });
  });
});

describe('the map spreads stakeholders with equal scores', () => {
  it('keeps a lone point on its cell and spreads shared cells around it, the same way every time', () => {
    const points = spreadPoints([
      { id: 3, power: 4, interest: 4 }, { id: 1, power: 4, interest: 4 }, { id: 2, power: 1, interest: 5 },
    ]);
    const lone = points.find((p) => p.id === 2)!;
    expect([lone.x, lone.y]).toEqual([5, 1]);
    const shared = points.filter((p) => p.power === 4);
    expect(shared).toHaveLength(2);
    expect(shared[0]!.x).not.toBe(shared[1]!.x);
    for (const p of shared) expect(Math.hypot(p.x - 4, p.y - 4)).toBeCloseTo(0.22);
    expect(spreadPoints([{ id: 1, power: 4, interest: 4 }, { id: 3, power: 4, interest: 4 }])).toEqual(
      spreadPoints([{ id: 3, power: 4, interest: 4 }, { id: 1, power: 4, interest: 4 }]).sort((a, b) => a.id - b.id),
    );
  });
});
