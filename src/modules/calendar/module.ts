import { defineModule } from '../../platform/module.ts';
import { registerCalendarCommands } from './cli.ts';

/** The working-time calendar: pure rules, no tables; its commands answer working-day questions. */
export const calendarModule = defineModule({
  name: 'calendar',
  tables: [],
  commands: (program) => registerCalendarCommands(program),
});
