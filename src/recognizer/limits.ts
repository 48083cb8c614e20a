/** Platforms cap messages at a few hundred characters; the cap keeps one pasted file from blocking recognition. */
export const DEFAULT_MAX_MESSAGE_CHARS = 5000;
