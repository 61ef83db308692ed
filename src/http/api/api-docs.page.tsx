import type { Intl } from '../../i18n/intl.ts';
import { Layout, type PageContext } from '../../layout/layout.tsx';
import { API_TAGS, paramDescriptionKey, type JsonSchema, type OpenApiDocument, type OpenApiOperation } from './openapi.ts';

type Operation = { method: string; path: string; operation: OpenApiOperation };

/** `/{locale}/api`: the OpenAPI document as a page — each operation, its parameters, an example and its answers. */
export function apiDocsPage(ctx: PageContext, document: OpenApiDocument, openApiUrl: string): string {
  const { intl } = ctx;
  const t = intl.t;
  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));
  const byTag = API_TAGS.map((tag) => ({ tag, operations: operations.filter((o) => o.operation.tags?.[0] === tag) }))
    .filter((group) => group.operations.length > 0);
  return Layout({
    ...ctx,
    title: t('api.title'),
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    children: (
      <>
        <h1 safe>{t('api.title')}</h1>
        <p safe>{t('api.intro')}</p>
        <p>
          <a href={openApiUrl} safe>{t('api.openApiLink', { version: document.openapi })}</a>{' '}
          (<code safe>{openApiUrl}</code>)
        </p>
        <nav aria-labelledby="api-contents">
          <h2 id="api-contents" safe>{t('api.contents')}</h2>
          <ul>
            <li><a href="#api-conventions" safe>{t('api.conventions')}</a></li>
            {byTag.map(({ tag }) => <li><a href={`#tag-${tag}`} safe>{t(`api.tag.${tag}.name`)}</a></li>)}
          </ul>
        </nav>
        <h2 id="api-conventions" safe>{t('api.conventions')}</h2>
        <dl class="api-conventions">
          {['pagination', 'errors', 'caching', 'languages'].map((key) => (
            <>
              <dt safe>{t(`api.conventions.${key}.title`)}</dt>
              <dd safe>{t(`api.conventions.${key}.body`)}</dd>
            </>
          ))}
        </dl>
        {byTag.map(({ tag, operations: ops }) => (
          <section aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`} safe>{t(`api.tag.${tag}.name`)}</h2>
            <p safe>{t(`api.tag.${tag}`)}</p>
            {ops.map((op) => <OperationView intl={intl} op={op} />)}
          </section>
        ))}
      </>
    ),
  });
}

function OperationView({ intl, op }: { intl: Intl; op: Operation }): JSX.Element {
  const t = intl.t;
  const id = op.operation.operationId ?? `${op.method}-${op.path}`;
  const parameters = op.operation.parameters ?? [];
  const example = op.operation['x-ahadi-example'];
  return (
    <section class="api-operation" aria-labelledby={`op-${id}`}>
      <h3 id={`op-${id}`} safe>{t(`api.operation.${id}`)}</h3>
      <p><code safe>{`${op.method} ${op.path}`}</code></p>
      {parameters.length === 0 ? <p safe>{t('api.noParameters')}</p> : (
        <table>
          <caption safe>{t('api.parameters')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('api.column.name')}</th>
              <th scope="col" safe>{t('api.column.in')}</th>
              <th scope="col" safe>{t('api.column.description')}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr>
                <th scope="row"><code safe>{p.name}</code></th>
                <td safe>{p.required ? t('api.in.required', { in: t(`api.in.${p.in}`) }) : t(`api.in.${p.in}`)}</td>
                <td>
                  <span safe>{t(paramDescriptionKey(id, p.name))}</span>
                  {valuesNote(intl, p.schema) ? <>{' '}<span class="muted" safe>{valuesNote(intl, p.schema)}</span></> : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {example ? (
        <p><span safe>{t('api.example')}</span>{' '}<a href={example}><code safe>{example}</code></a></p>
      ) : ''}
      <p safe>{t('api.responses')}</p>
      <ul>
        {Object.keys(op.operation.responses).map((status) => (
          <li><code safe>{status}</code>{' '}<span safe>{t(`api.response.${status}`)}</span></li>
        ))}
      </ul>
    </section>
  );
}

/** What values a parameter takes, in words: the choices, the range, the default, whether it repeats. */
function valuesNote(intl: Intl, schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const t = intl.t;
  const notes: string[] = [];
  const item = schema.type === 'array' ? schema.items ?? {} : schema;
  if (item.enum) notes.push(t('api.values.oneOf', { values: item.enum.map(String).join(', ') }));
  if (item.minimum !== undefined && item.maximum !== undefined) notes.push(t('api.values.range', { min: item.minimum, max: item.maximum }));
  if (item.format === 'date') notes.push(t('api.values.date'));
  if (schema.type === 'array') notes.push(t('api.values.repeatable'));
  if (schema.default !== undefined) notes.push(t('api.values.default', { value: String(schema.default) }));
  return notes.join(' · ');
}
