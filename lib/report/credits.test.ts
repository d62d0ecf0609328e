import { describe, expect, it } from 'vitest';
import { compliancePercent, creditOwed } from './credits';

const terms = {
  objective: 95,
  credits: [
    { below: 95, credit: 5 },
    { below: 90, credit: 10 },
    { below: 80, credit: 25 },
  ],
  fee: { amount: 12_000, currency: 'EUR' },
};

describe('credits owed', () => {
  it('takes the lowest tier compliance is below, shows the arithmetic, and the money', () => {
    expect(creditOwed(92.5, terms)).toMatchObject({ meetsObjective: false, tier: { below: 95, credit: 5 }, percent: 5, amount: 600, currency: 'EUR', capped: false });
    expect(creditOwed(92.5, terms)!.arithmetic).toBe('92.5% is below 95% → 5%; 5% of €12,000.00 = €600.00');
    expect(creditOwed(85, terms)).toMatchObject({ tier: { below: 90, credit: 10 }, percent: 10, amount: 1200 });
    expect(creditOwed(79.99, terms)).toMatchObject({ percent: 25, amount: 3000 });
  });

  it('owes nothing at or above every tier (the objective met exactly is met)', () => {
    const owed = creditOwed(95, terms)!;
    expect([owed.meetsObjective, owed.percent, owed.tier, owed.amount]).toEqual([true, 0, undefined, undefined]);
    expect(owed.arithmetic).toBe('95% is not below 95% → no credit');
  });

  it('applies the cap, and says so', () => {
    const owed = creditOwed(50, { ...terms, creditCap: 15 })!;
    expect(owed).toMatchObject({ percent: 15, capped: true, amount: 1800 });
    expect(owed.arithmetic).toContain('capped at 15%');
  });

  it('rounds money to cents; an objective alone owes nothing but is judged', () => {
    expect(creditOwed(94, { credits: [{ below: 95, credit: 3.33 }], fee: { amount: 999.99, currency: 'USD' } })!.amount).toBe(33.3);
    expect(creditOwed(94, { objective: 99.5 })).toMatchObject({ meetsObjective: false, percent: 0, arithmetic: '' });
  });

  it('has nothing to say without terms or without a decided target', () => {
    expect(creditOwed(80, {})).toBeNull();
    expect(creditOwed(null, terms)).toBeNull();
    expect(compliancePercent(0, 0)).toBeNull();
    expect(compliancePercent(19, 20)).toBe(95);
  });
});
