/**
 * The notifications service (消息通知). It has no public routes: the signed-in console will
 * add its calls here, each typed from the generated document like the public ones.
 */
import type { paths } from './generated/notifications';
import { serviceClient } from './client';

export const notifications = serviceClient<paths>('notifications');
