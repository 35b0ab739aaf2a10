/**
 * The institution chooser lives at `/`, which otherwise sends a user straight on to the institution
 * used last (or their only one); this parameter asks for the chooser itself.
 */
export const CHOOSE_PARAM = 'choose';
export const CHOOSER_PATH = `/?${CHOOSE_PARAM}=1`;
