import type { DrillLines } from './types';

/**
 * Lines of play through 《响应：等不等上级指示》 (scenarios/wait-for-orders.json). A step is a choice
 * id, or "$timeout" for letting the countdown run out. Choices whose detection depends on how the
 * county organised its search come in two variants, "_g" (county–township–village grid) and "_w".
 */
export const lines: DrillLines = {
  file: 'scenarios/wait-for-orders.json',
  // Reports in writing within two hours, protects the village doctor, asks the city to decide at once
  // while stopping what the county itself runs, and acts on the city's decision the day it comes.
  best: {
    steps: [
      'report_now',
      'protect_advise',
      'ask_and_own',
      'three_level',
      'treat_observe_g',
      'isolate_report_g',
      'announce_granted',
      'push_assessment',
      'dispatch_center',
      'let_through',
      'requisition_comp',
      'settle_locally',
      'correct_now',
      'reward_initiative',
      'account_all',
    ],
    ending: 'end_good',
  },
  // Lets every countdown run out and takes the waiting option wherever one is offered.
  waiting: {
    steps: [
      '$timeout',
      'internal_remind',
      '$timeout',
      'health_only',
      'wait_lab_late',
      'iso_wait',
      '$timeout',
      '$timeout',
      'wait_province',
      'exec_precise',
      'leader_sign',
      '$timeout',
      'open_publish',
      'transfer_out',
      'keep_transfer',
      'leave_it',
      '$timeout',
      'reward_safe',
      'blame_up',
    ],
    ending: 'end_late',
  },
  // The drill's central failures: a report held for tests, the doctor admonished, waiting for the city,
  // hard quotas and roads blocked, a village sealed without power, supplies intercepted, outsiders driven off.
  worst: {
    steps: [
      'verify_first',
      'admonish',
      'wait_city',
      'hard_quota',
      'endorse_block',
      'seal_late',
      'isolate_town',
      'wait_unified',
      'keep_waiting',
      'self_level_one',
      'leader_sign',
      'hold_convoy',
      'keep_half',
      'exec_hard',
      'delete_posts',
      'borrow_now',
      'send_back',
      'back_hard',
      'reward_hard',
      'account_favourable',
    ],
    ending: 'end_neighbour',
  },
};
