/** After every line is read: what the labels and patterns imply, the way bf-lu's LuisBuilder resolves it. */
import type {LuisApp, LuisChildEntity, LuisEntityLabel} from '../luis/types.js';
import {addRoles, LABEL_REFERABLE, type LuAppBuilder} from './app-builder.js';

export function resolveReferences(builder: LuAppBuilder): void {
  declareLabelledEntities(builder);
  flattenNestedLabels(builder.app);
  for (const name of builder.pendingPatternAny)
    if (!builder.defines(name, LABEL_REFERABLE))
      builder.app.patternAnyEntities!.push({name, roles: [], explicitList: []});
}

/** Labels may name entities never defined: bf-lu creates simple entities (and roles) for them. */
function declareLabelledEntities(builder: LuAppBuilder): void {
  const {app} = builder;
  const childNames = new Set<string>();
  const collect = (children: LuisChildEntity[] | undefined): void => {
    for (const c of children ?? []) {
      childNames.add(c.name);
      collect(c.children);
    }
  };
  for (const e of app.entities!) collect(e.children);
  const visit = (labels: LuisEntityLabel[], nested: boolean): void => {
    for (const l of labels) {
      if (!nested && !builder.defines(l.entity, LABEL_REFERABLE) && !childNames.has(l.entity))
        builder.entity(l.entity);
      if (l.role) {
        const target =
          app.entities!.find((e) => e.name === l.entity) ??
          app.prebuiltEntities!.find((p) => p.name === l.entity) ??
          app.closedLists!.find((c) => c.name === l.entity) ??
          app.regex_entities!.find((r) => r.name === l.entity);
        if (target) addRoles(target, [l.role]);
      }
      visit(l.children ?? [], true);
    }
  };
  for (const u of app.utterances) visit(u.entities ?? [], false);
}

/** Only ML entities with declared children keep nested labels; bf-lu lists other nested labels flat. */
function flattenNestedLabels(app: LuisApp): void {
  const hierarchical = new Set(app.entities!.filter((e) => (e.children?.length ?? 0) > 0).map((e) => e.name));
  const flatten = (labels: LuisEntityLabel[]): LuisEntityLabel[] =>
    labels.flatMap((l) => {
      if (!l.children?.length || hierarchical.has(l.entity)) return [l];
      const {children, ...parent} = l;
      return [...flatten(children), parent];
    });
  for (const u of app.utterances) u.entities = flatten(u.entities ?? []);
}
