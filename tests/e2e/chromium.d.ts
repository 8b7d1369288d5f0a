import type { LaunchOptions } from 'playwright-core';

export declare const chromiumExecutable: string;
export declare const chromiumLaunchOptions: LaunchOptions;
