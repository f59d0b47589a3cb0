import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The selection sets of the fields named `name` directly in `sets` (through fragments too). */
function fieldsNamed(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
  name: string,
): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name)
          found.push(selection.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

/**
 * Whether the response asks for the field at `path` under the resolved field (e.g.
 * `['edges', 'node', 'evidence']`), so a resolver can read it in its own query, or skip work
 * nobody asked for.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsNamed(info, sets, name);
    if (sets.length === 0) return false;
  }
  return true;
}

export const selectsField = (info: GraphQLResolveInfo, name: string): boolean => selectsPath(info, [name]);
