import type { DeepStringRecord } from './types';
import type { zhCN } from './zh-CN';

/** The shape every catalogue has: zh-CN's keys, string leaves. */
export type Messages = DeepStringRecord<typeof zhCN>;
