/**
 * Data Center lists with no reader before: the issue navigator's detail view (`ol.issue-list`
 * cards) and the JSM queue (`.queue-react-table-container`), real-markup-evidence.md §2.8, §2.10.
 * DC-DETAIL-AND-QUEUE: being written.
 */
import type { Strategy } from '../strategies';

export const DC_NAVIGATOR_DETAIL_STRATEGIES: readonly Strategy[] = [];
export const DC_QUEUE_STRATEGIES: readonly Strategy[] = [];
