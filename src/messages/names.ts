/** A name from the gazetteer: English, and Chinese where the gazetteer has it. */
export interface Named {
  name: string;
  zh?: string | undefined;
}

export interface NamedPerson extends Named {
  role: string;
}

/** Only what a name needs, so an answer does not carry a whole gazetteer entry. */
export function named(entity: Named): Named {
  return entity.zh ? { name: entity.name, zh: entity.zh } : { name: entity.name };
}

export function namedPerson(person: NamedPerson): NamedPerson {
  return { ...named(person), role: person.role };
}
