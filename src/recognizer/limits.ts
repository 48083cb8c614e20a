/** Platforms cap messages at a few hundred characters; the cap keeps one pasted file from blocking recognition. */
export const DEFAULT_MAX_MESSAGE_CHARS = 5000;
/**
 * What one message may spend on system entities (dates, numbers, amounts), the only part of recognition whose
 * cost depends on what the text holds: past it the rest of the message is not searched, so a hostile message
 * delays the next user by about this much at most.
 */
export const DEFAULT_MESSAGE_BUDGET_MS = 1000;
