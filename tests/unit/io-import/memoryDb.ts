// A stand-in for shared/db in planner tests: entities by id, found by their match keys, the way
// the database's indexed lookup finds them.
import { matchKeys } from '../../../shared/model/merge.ts';
import type { Entity } from '../../../shared/model/types.ts';

export class MemoryDb {
  readonly byId = new Map<string, Entity>();
  private readonly byKey = new Map<string, string>();
  lookups = 0;

  put(entities: Entity[]): void {
    for (const e of entities) {
      this.byId.set(e.id, structuredClone(e));
      for (const k of matchKeys(e)) this.byKey.set(k, e.id);
    }
  }

  find = (keys: string[]): Entity | undefined => {
    this.lookups++;
    for (const k of keys) {
      const id = this.byKey.get(k);
      if (id) return structuredClone(this.byId.get(id));
    }
    return undefined;
  };

  findMany = async (keys: string[][]): Promise<(Entity | undefined)[]> => {
    this.lookups++;
    return keys.map((k) => {
      const found = this.find(k);
      this.lookups--;
      return found;
    });
  };
}
