// The web app's pages, read from its router (web/src/app/App.tsx) with the TypeScript parser, so that the
// JavaScript budgets (scripts/web-budgets.ts) and the accessibility sweep (tests/e2e/a11y-sweep.ts) follow
// every page added there without a list to keep by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP = join(ROOT, 'web/src/app/App.tsx');
const MODULE_CATALOGUES = join(ROOT, 'web/src/app/module-catalogues.ts');

/** One page of the router: its full path, the lazy modules it loads and whether it needs a session. */
export interface WebRoute {
  /** Full path with React Router parameters, e.g. `/:orgSlug/activities/:activityId` (`/` for the home). */
  path: string;
  /** The page component's name, e.g. `ActivityPage`. */
  component: string;
  /** Lazily loaded source modules, outermost layout first, relative to the repository (`web/src/…`). */
  lazyModules: string[];
  /** The module catalogues (i18next namespaces) loaded with them (App.tsx's `CATALOGUES` map). */
  catalogues: string[];
  /** Inside `<RequireSignIn>`. */
  signedIn: boolean;
  /** The element is a `<Navigate>`: the page only redirects. */
  redirect: boolean;
  /** The catch-all `*` route (page not found). */
  catchAll: boolean;
}

function attribute(element: ts.JsxOpeningLikeElement, name: string): ts.Expression | undefined {
  for (const property of element.attributes.properties) {
    if (ts.isJsxAttribute(property) && property.name.getText() === name) {
      const init = property.initializer;
      if (init && ts.isStringLiteral(init)) return init;
      if (init && ts.isJsxExpression(init)) return init.expression;
      return init === undefined ? ts.factory.createTrue() : undefined;
    }
  }
  return undefined;
}

function opening(node: ts.Node): ts.JsxOpeningLikeElement | undefined {
  if (ts.isJsxElement(node)) return node.openingElement;
  if (ts.isJsxSelfClosingElement(node)) return node;
  return undefined;
}

function joinPath(parent: string, child: string): string {
  if (child.startsWith('/')) return child;
  const joined = `${parent.replace(/\/$/, '')}/${child}`;
  return joined === '' ? '/' : joined;
}

/** Every page route of the web app, parsed from App.tsx. Throws when App.tsx has a shape it cannot read. */
export function webRoutes(file = APP): WebRoute[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, 4);
  const loaders = new Map<string, string>(); // `const transit = () => import('…')`
  const pages = new Map<string, string>(); // `const TaxiBusPage = page(transit, 'TaxiBusPage')`
  const catalogues = new Map<string, string[]>(); // `const CATALOGUES = new Map([[transit, ['transit']]])`
  let routesElement: ts.JsxElement | undefined;

  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isArrowFunction(init) && ts.isCallExpression(init.body)) {
        const call = init.body;
        const [spec] = call.arguments;
        if (call.expression.kind === ts.SyntaxKind.ImportKeyword && spec && ts.isStringLiteral(spec)) {
          loaders.set(node.name.text, join('web/src/app', spec.text).replaceAll('\\', '/'));
        }
      }
      if (node.name.text === 'CATALOGUES' && ts.isNewExpression(init)) {
        const [entries] = init.arguments ?? [];
        if (!entries || !ts.isArrayLiteralExpression(entries))
          throw new Error(`CATALOGUES of ${file}: no entries`);
        for (const entry of entries.elements) {
          const [loader, names] = ts.isArrayLiteralExpression(entry) ? entry.elements : [];
          if (!loader || !ts.isIdentifier(loader) || !names || !ts.isArrayLiteralExpression(names))
            throw new Error(`CATALOGUES of ${file}: an entry is not [loader, ['namespace']]`);
          catalogues.set(
            loader.text,
            names.elements.filter(ts.isStringLiteral).map((n) => n.text),
          );
        }
      }
      if (ts.isCallExpression(init) && init.expression.getText() === 'page') {
        const [loader] = init.arguments;
        if (loader && ts.isIdentifier(loader)) pages.set(node.name.text, loader.text);
      }
    }
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText() === 'Routes') routesElement = node;
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!routesElement) throw new Error(`no <Routes> in ${file}`);

  const routes: WebRoute[] = [];
  const loaderOf = new Map([...loaders].map(([loader, module]) => [module, loader]));
  const cataloguesOf = (modules: string[]) => [
    ...new Set(modules.flatMap((m) => catalogues.get(loaderOf.get(m) ?? '') ?? [])),
  ];
  const walk = (children: readonly ts.JsxChild[], parent: string, lazy: string[], signedIn: boolean) => {
    for (const child of children) {
      const open = opening(child);
      if (!open) continue;
      const tag = open.tagName.getText();
      if (tag !== 'Route') throw new Error(`unexpected <${tag}> inside <Routes> of ${file}`);
      const pathAttr = attribute(open, 'path');
      const isIndex = attribute(open, 'index') !== undefined;
      const element = attribute(open, 'element');
      const elementOpen = element && ts.isJsxSelfClosingElement(element) ? element : undefined;
      const component = elementOpen?.tagName.getText() ?? '';
      const loader = pages.get(component);
      const module = loader ? loaders.get(loader) : undefined;
      if (loader && !module) throw new Error(`${component} is loaded by ${loader}, which imports nothing`);
      const ownLazy = module && !lazy.includes(module) ? [...lazy, module] : lazy;
      const path = pathAttr && ts.isStringLiteral(pathAttr) ? joinPath(parent, pathAttr.text) : parent || '/';
      const inside = signedIn || component === 'RequireSignIn';
      const nested = ts.isJsxElement(child) ? child.children : undefined;
      if (nested?.some((n) => opening(n))) {
        walk(nested, pathAttr ? path : parent, ownLazy, inside);
        // A layout with a path but no index child is not a page of its own.
        continue;
      }
      if (!pathAttr && !isIndex) throw new Error(`a <Route> without path nor index in ${file}`);
      routes.push({
        path: path === '' ? '/' : path,
        component,
        lazyModules: ownLazy,
        catalogues: cataloguesOf(ownLazy),
        signedIn: inside,
        redirect: component === 'Navigate',
        catchAll: path.endsWith('*'),
      });
    }
  };
  walk(routesElement.children, '', [], false);
  return routes;
}

/**
 * The source file of each language of each module catalogue (`citizen` → { fr: 'web/src/…/fr.json', … }),
 * read from the loaders of web/src/app/module-catalogues.ts.
 */
export function catalogueFiles(file = MODULE_CATALOGUES): Record<string, Record<string, string>> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const files: Record<string, Record<string, string>> = {};
  const visit = (node: ts.Node): void => {
    // `fr: () => import('../modules/citizen/locales/fr.json')` inside `citizen: { … }`
    if (
      ts.isPropertyAssignment(node) &&
      ts.isArrowFunction(node.initializer) &&
      ts.isCallExpression(node.initializer.body) &&
      node.initializer.body.expression.kind === ts.SyntaxKind.ImportKeyword &&
      ts.isPropertyAssignment(node.parent.parent)
    ) {
      const [spec] = node.initializer.body.arguments;
      const namespace = node.parent.parent.name.getText();
      if (spec && ts.isStringLiteral(spec)) {
        files[namespace] ??= {};
        (files[namespace] as Record<string, string>)[node.name.getText()] = join(
          'web/src/app',
          spec.text,
        ).replaceAll('\\', '/');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return files;
}

/** The route's path with its parameters filled from `values`; throws on a parameter without a value. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of webRoutes()) {
    process.stdout.write(
      `${r.signedIn ? '🔒' : '  '} ${r.path.padEnd(70)} ${r.component.padEnd(28)} ${r.lazyModules.join(' + ')}\n`,
    );
  }
}
