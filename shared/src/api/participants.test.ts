import { describe, expect, it } from 'vitest';
import { placeProblem, UpdateParticipantRequest } from './participants.ts';

describe("a participant's place", () => {
  it('gives the pen only to a Bureau member and sections only to a Facilitator', () => {
    expect(placeProblem({ role: 'bureau', hasPen: true })).toBeNull();
    expect(placeProblem({ role: 'facilitator', sections: ['s-a'] })).toBeNull();
    expect(placeProblem({ role: 'chair', hasPen: true })).toBe('Only a Bureau member can be given the pen.');
    expect(placeProblem({ role: 'delegation', sections: ['s-a'] })).toBe('Only a Facilitator is assigned sections.');
    expect(placeProblem({ role: 'delegation', hasPen: false, sections: [] })).toBeNull();
  });

  it('refuses a change that names nothing, an unknown role or a section twice', () => {
    expect(UpdateParticipantRequest.safeParse({}).success).toBe(false);
    expect(UpdateParticipantRequest.safeParse({ role: 'president' }).success).toBe(false);
    expect(UpdateParticipantRequest.safeParse({ role: 'facilitator', sections: ['s-a', 's-a'] }).success).toBe(false);
    expect(UpdateParticipantRequest.safeParse({ role: 'observer', hasPen: true }).error?.issues[0]?.message).toBe(
      'Only a Bureau member can be given the pen.',
    );
    expect(UpdateParticipantRequest.parse({ hasPen: true })).toEqual({ hasPen: true });
  });
});
