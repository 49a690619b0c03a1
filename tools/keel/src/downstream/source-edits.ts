import * as ts from 'typescript';
import { ChangeType, applyChangesToString } from '@nx/devkit';
import type { Tree } from '@nx/devkit';

/**
 * Small, parse-checked edits of the workspace's registration files. They go through the TypeScript
 * parser rather than regular expressions so that a reformatted file still works, and they fail with
 * the file's name when its shape has changed beyond recognition: a generator that half-registers a
 * downstream is worse than one that stops.
 */

/** Adds `key: value` as the last property of the object literal assigned to `variable`. */
export function addProperty(tree: Tree, path: string, variable: string, key: string, value: string): void {
  const { text, source } = read(tree, path);
  const object = objectLiteralOf(source, variable, path);
  if (propertyNames(object).includes(key)) throw new Error(`${path}: ${variable} already has '${key}'`);
  const last = object.properties.at(-1);
  if (last === undefined) {
    const at = object.getStart(source) + 1;
    tree.write(
      path,
      applyChangesToString(text, [
        { type: ChangeType.Insert, index: at, text: `\n  ${propertyKey(key)}: ${value},\n` },
      ]),
    );
    return;
  }
  const indent = indentationAt(text, last.getStart(source));
  // After the last property's comma, at the end of its line, so a trailing comment stays with it.
  const comma = object.properties.hasTrailingComma ? text.indexOf(',', last.end) : -1;
  // Never past the closing brace, should the object sit on one line.
  const lineEnd = Math.min(endOfLine(text, comma === -1 ? last.end : comma + 1), object.end - 1);
  const changes = [
    { type: ChangeType.Insert as const, index: lineEnd, text: `\n${indent}${propertyKey(key)}: ${value},` },
  ];
  if (comma === -1) changes.unshift({ type: ChangeType.Insert, index: last.end, text: ',' });
  tree.write(path, applyChangesToString(text, changes));
}

/** The numbers of the object literal assigned to `variable`, by key. */
export function numericProperties(tree: Tree, path: string, variable: string): Record<string, number> {
  const { source } = read(tree, path);
  const entries = objectLiteralOf(source, variable, path).properties.flatMap((property) =>
    ts.isPropertyAssignment(property) && ts.isNumericLiteral(property.initializer)
      ? [[nameOf(property.name), Number(property.initializer.text)] as const]
      : [],
  );
  return Object.fromEntries(entries);
}

/** Adds `line` (an import) after the file's last import. */
export function addImport(tree: Tree, path: string, line: string): void {
  const { text, source } = read(tree, path);
  const imports = source.statements.filter(ts.isImportDeclaration);
  const at = imports.length === 0 ? 0 : endOfLine(text, imports[imports.length - 1].end);
  tree.write(
    path,
    applyChangesToString(text, [
      { type: ChangeType.Insert, index: at, text: imports.length === 0 ? `${line}\n` : `\n${line}` },
    ]),
  );
}

/** Appends `line` to the end of the file, on a line of its own. */
export function appendLine(tree: Tree, path: string, line: string): void {
  const text = readText(tree, path);
  tree.write(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

/** A property key as written in source: bare when it is an identifier, else single-quoted. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
}

function read(tree: Tree, path: string): { text: string; source: ts.SourceFile } {
  const text = readText(tree, path);
  return { text, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
}

function readText(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} does not exist`);
  return text;
}

/** The object literal of `const variable = …`, through `Object.freeze(…)`, `as`, `satisfies` and parentheses. */
function objectLiteralOf(source: ts.SourceFile, variable: string, path: string): ts.ObjectLiteralExpression {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (
        !ts.isIdentifier(declaration.name) ||
        declaration.name.text !== variable ||
        declaration.initializer === undefined
      )
        continue;
      const object = unwrap(declaration.initializer);
      if (object !== undefined) return object;
    }
  }
  throw new Error(`${path}: found no object literal assigned to ${variable}`);
}

function unwrap(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node)) return node;
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))
    return unwrap(node.expression);
  if (ts.isCallExpression(node) && node.arguments.length === 1) return unwrap(node.arguments[0]);
  return undefined;
}

function propertyNames(object: ts.ObjectLiteralExpression): string[] {
  return object.properties.flatMap((property) => (property.name === undefined ? [] : [nameOf(property.name)]));
}

function nameOf(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

function indentationAt(text: string, index: number): string {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, index))?.[0] ?? '';
}

function endOfLine(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline;
}
