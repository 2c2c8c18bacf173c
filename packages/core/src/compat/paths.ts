/**
 * Member paths name where two tables differ, C style: `tasks[].comm` (a member of an
 * array element), `parent->pid` (a member reached through a pointer). The root is "".
 */

/** memberPath appends a member name to a path. */
export function memberPath(path: string, name: string): string {
  if (path === "" || path.endsWith("->")) return path + name;
  return `${path}.${name}`;
}

/** elementPath is the path of an array's elements. */
export function elementPath(path: string): string {
  return `${path}[]`;
}

/** pointeePath is the path of what a pointer points at. */
export function pointeePath(path: string): string {
  return `${path}->`;
}

/** displayPath prints a path, the root as the root type's name. */
export function displayPath(path: string, rootName: string): string {
  return path === "" ? rootName : path;
}
