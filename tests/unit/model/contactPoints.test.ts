// Contact persons are contact data: their e-mail and phone stand in when the entity has none.
import { describe, expect, it } from 'vitest';
import { contactPoints } from '../../../shared/model/contactPoints.ts';
import type { Person } from '../../../shared/model/types.ts';

const person = (id: string, name: string, email?: string, phone?: string): Person => ({
  id, entityId: 'e', name, ...(email ? { email } : {}), ...(phone ? { phone } : {}), createdAt: '', updatedAt: '',
});

describe('contactPoints', () => {
  const anna = person('p1', 'Anna Nowak', 'anna@x.pl', '+48600100200');
  const jan = person('p2', 'Jan Kowal', 'anna@x.pl');

  it('uses the persons’ e-mails and phones when the entity has none', () => {
    expect(contactPoints({ emails: [], phones: [] }, [anna, jan])).toEqual({
      emails: [{ value: 'anna@x.pl', person: { id: 'p1', name: 'Anna Nowak' } }],
      phones: [{ value: '+48600100200', person: { id: 'p1', name: 'Anna Nowak' } }],
    });
  });

  it('keeps the entity’s own, kind by kind', () => {
    expect(contactPoints({ emails: ['biuro@x.pl'], phones: [] }, [anna])).toEqual({
      emails: [{ value: 'biuro@x.pl' }],
      phones: [{ value: '+48600100200', person: { id: 'p1', name: 'Anna Nowak' } }],
    });
    expect(contactPoints({ emails: [], phones: [] }, [])).toEqual({ emails: [], phones: [] });
  });
});
