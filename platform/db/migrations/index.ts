import type { Migration } from 'kysely/migration';
import { cases } from './0001_cases.js';
import { followUpsAndIncidents } from './0002_follow_ups_incidents.js';
import { strandedIndex } from './0003_stranded_index.js';
import { transcripts } from './0004_transcripts.js';
import { incidentStatus } from './0005_incident_status.js';
import { routingPolicies } from './0007_routing_policies.js';
import { callbacks } from './0008_callbacks.js';
import { incidentResolutionDone } from './0009_incident_resolution_done.js';
import { kbArticles } from './0010_kb_articles.js';
import { assistantLines } from './0011_assistant_lines.js';
import { analyticsIndexes } from './0012_analytics_indexes.js';
import { auditEvents } from './0013_audit_events.js';

/** Every migration, in order. Names are their versions: never rename or edit one that shipped. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_cases': cases,
  '0002_follow_ups_incidents': followUpsAndIncidents,
  '0003_stranded_index': strandedIndex,
  '0004_transcripts': transcripts,
  '0005_incident_status': incidentStatus,
  // 0006 was never shipped.
  '0007_routing_policies': routingPolicies,
  '0008_callbacks': callbacks,
  '0009_incident_resolution_done': incidentResolutionDone,
  '0010_kb_articles': kbArticles,
  '0011_assistant_lines': assistantLines,
  '0012_analytics_indexes': analyticsIndexes,
  '0013_audit_events': auditEvents,
};
