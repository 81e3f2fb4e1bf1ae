import { type DemoAccount, demoAccounts } from '@zerodraft/server/demo/seed.ts';

export interface Credentials {
  email: string;
  password: string;
}

function delegateOf(delegation: string): DemoAccount {
  const account = demoAccounts.find((a) => a.delegation === delegation);
  if (!account) throw new Error(`The BMS7 demo has no account for ${delegation}`);
  return account;
}

/** Amina Wanjiru of Kenya, chairing BMS7. */
export const kenya = delegateOf('Kenya');
/** Lucía Hernández of Mexico. */
export const mexico = delegateOf('Mexico');
/** Haruto Sato of Japan. */
export const japan = delegateOf('Japan');
/** Ana Carvalho of Brazil. */
export const brazil = delegateOf('Brazil');

/** The BMS7 Secretariat, who administers the meeting's people. */
export const secretariat: DemoAccount = (() => {
  const account = demoAccounts.find((a) => a.role === 'secretariat');
  if (!account) throw new Error('The BMS7 demo has no Secretariat account');
  return account;
})();
