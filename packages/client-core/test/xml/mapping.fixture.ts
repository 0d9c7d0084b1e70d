// A small hand-written mapping with every feature the generator emits (see tools/codegen/README.md).
import type { XmlMapping } from '../../src/xml/mapping.js';

export const NS = 'http://www.veeam.com/ent/v1.0';

export const mapping = {
  namespace: NS,
  schemas: {
    Link: {
      element: 'Link',
      props: [
        { prop: 'Rel', kind: 'attribute', name: 'Rel', type: 'string', nullable: false, required: true },
        { prop: 'Href', kind: 'attribute', name: 'Href', type: 'string', nullable: false, required: true },
        { prop: 'Name', kind: 'attribute', name: 'Name', type: 'string', nullable: true, required: true },
      ],
    },
    Session: {
      element: 'Session',
      props: [
        { prop: 'UID', kind: 'attribute', name: 'UID', type: 'string', nullable: false, required: true },
        { prop: 'Links', kind: 'element', name: 'Links', type: 'array', nullable: false, required: true, ref: 'Link', wrapped: true, itemName: 'Link', itemType: 'object' },
        { prop: 'JobName', kind: 'element', name: 'JobName', type: 'string', nullable: false, required: true },
        { prop: 'Progress', kind: 'element', name: 'Progress', type: 'integer', nullable: false, required: true },
        { prop: 'Ratio', kind: 'element', name: 'Ratio', type: 'number', nullable: false, required: false },
        { prop: 'IsRetry', kind: 'element', name: 'IsRetry', type: 'boolean', nullable: false, required: true },
        { prop: 'EndTimeUTC', kind: 'element', name: 'EndTimeUTC', type: 'date-time', nullable: true, required: true },
        { prop: 'Owner', kind: 'element', name: 'Owner', type: 'object', nullable: true, required: true, ref: 'Link' },
        { prop: 'Tags', kind: 'element', name: 'Tag', type: 'array', nullable: false, required: true, wrapped: false, itemName: 'Tag', itemType: 'string' },
        { prop: 'Counts', kind: 'element', name: 'Counts', type: 'array', nullable: true, required: true, wrapped: true, itemName: 'Count', itemType: 'integer' },
      ],
    },
    References: {
      element: 'EntityReferences',
      props: [{ prop: 'Refs', kind: 'element', name: 'Ref', type: 'array', nullable: false, required: true, ref: 'Link', wrapped: false, itemName: 'Ref', itemType: 'object' }],
    },
    Note: {
      element: 'Note',
      props: [
        { prop: 'Lang', kind: 'attribute', name: 'Lang', type: 'string', nullable: false, required: false },
        { prop: 'Value', kind: 'text', name: 'Note', type: 'string', nullable: false, required: true },
      ],
    },
  },
} as const satisfies XmlMapping;

/** A `<Session>` document with the given inner XML (attributes fixed). */
export function session(inner: string, attrs = 'UID="urn:1"'): string {
  return `<Session xmlns="${NS}" ${attrs}>${inner}</Session>`;
}

/** The inner XML of a complete, valid session. */
export const FULL = [
  '<Links><Link Rel="Up" Href="h1" Name="n1"/><Link Rel="Down" Href="h2"/></Links>',
  '<JobName> Backup &amp; more </JobName>',
  '<Progress>100</Progress>',
  '<IsRetry>false</IsRetry>',
  '<EndTimeUTC>2014-10-19T05:40:48Z</EndTimeUTC>',
  '<Tag>a</Tag><Tag>b</Tag>',
  '<Counts><Count>1</Count><Count>2</Count></Counts>',
].join('\n');
