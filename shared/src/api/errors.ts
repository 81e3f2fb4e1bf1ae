import { z } from 'zod';

/** Every REST error has this body: a stable code for programs and a sentence for people. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
