import { onUserLocked } from './on-user-locked'
import { onUserWithdrawn } from './on-user-withdrawn'

/** Auth's handlers on `commerce.user.events` (other user event types are skipped by the runner). */
export const handlers = [onUserWithdrawn, onUserLocked]
