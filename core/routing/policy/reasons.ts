/** The reasons are protocol (the offer frame and the floor carry them); routing decides them. */
export {
  ROUTING_REASON_CODES,
  RoutingReason,
  type RoutingReasonCode,
} from '../../protocol/routingReasons.js';
