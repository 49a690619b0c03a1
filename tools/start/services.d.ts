export interface StartService {
  name: string;
  main: string;
  port?: number;
  health: string | null;
  args?: string[];
  env?: Record<string, string>;
}

declare const services: StartService[];
export default services;
