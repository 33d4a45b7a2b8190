/**
 * The assessment service (年度考核). It has no public routes: the signed-in console will add its
 * calls here, each typed from the generated document like the public ones.
 */
import type { paths } from './generated/assessment';
import { serviceClient } from './client';

export const assessment = serviceClient<paths>('assessment');
