// English texts of the ticket's problems: validateOrder's (lib/orders/problem-text.ts) and the ticket's own
// checks (lib/ticket/amount.ts, check.ts, options.ts). Part of the Trade tab's area (lib/i18n/areas.ts).
export const ticketProblemsEn = {
  // validateOrder's problems (lib/orders/problem-text.ts).
  'problem.attachedClose': 'Attached close: {problem}',
  'problem.pair.status': '{symbol} is not accepting new orders right now ({status}).',
  'problem.pair.limitOnly': '{symbol} takes limit orders only right now.',
  'problem.pair.postOnly': '{symbol} takes post-only limit orders only right now.',
  'problem.amount.required': 'Enter an amount.',
  'problem.amount.notANumber': 'The amount must be a number like {example}.',
  'problem.amount.notPositive': 'The amount must be above zero.',
  'problem.amount.decimals': {
    one: '{symbol} amounts take at most {count} decimal.',
    other: '{symbol} amounts take at most {count} decimals.',
  },
  'problem.amount.belowMinimum': 'The smallest {symbol} order is {min} {asset}.',
  'problem.limit.required': 'Enter a limit price.',
  'problem.limit.notANumber': 'The limit price must be a number like {example}.',
  'problem.limit.notPositive': 'The limit price must be above zero.',
  'problem.limit.tick': 'The limit price must be a multiple of {tick} {asset}.',
  'problem.trigger.required': 'Enter a trigger price.',
  'problem.trigger.notANumber': 'The trigger price must be a number like {example}.',
  'problem.trigger.notPositive': 'The trigger price must be above zero.',
  'problem.trigger.tick': 'The trigger price must be a multiple of {tick} {asset}.',
  'problem.price.decimals': {
    one: '{symbol} prices take at most {count} decimal.',
    other: '{symbol} prices take at most {count} decimals.',
  },
  'problem.cost.belowMinimum':
    'This order is worth {cost} {asset}; {symbol} orders must be worth at least {min} {asset}.',
  'problem.balance.buy':
    'You have {have} {asset} available; this order needs {needs} {asset} including the {fee}% fee.',
  'problem.balance.sell': 'You have {have} {asset} available; this order sells {needs} {asset}.',

  // The ticket's own checks (lib/ticket/amount.ts, check.ts, options.ts).
  'ticketProblem.what.amount': 'An amount',
  'ticketProblem.what.limitPrice': 'A limit price',
  'ticketProblem.what.triggerPrice': 'A trigger price',
  'ticketProblem.what.trailOffset': 'A trailing offset',
  'ticketProblem.what.limitOffset': 'A limit offset',
  'ticketProblem.what.closePrice': 'A close price',
  'ticketProblem.tooLong.integer': {
    one: '{what} can have at most {count} digit before the decimal point.',
    other: '{what} can have at most {count} digits before the decimal point.',
  },
  'ticketProblem.tooLong.fraction': {
    one: '{what} can have at most {count} digit after the decimal point.',
    other: '{what} can have at most {count} digits after the decimal point.',
  },
  'ticketProblem.noPrice.market':
    'There is no {symbol} price yet to estimate this order; wait for the live price.',
  'ticketProblem.noPrice.limit':
    'Enter the limit price first: {quote} amounts are turned into {base} at that price.',
  'ticketProblem.noPrice.trigger':
    'Enter the trigger price first: {quote} amounts are turned into {base} at that price.',
  'ticketProblem.noPrice.trailing':
    'There is no {symbol} price yet to start a trailing stop from; wait for the live price.',
  'ticketProblem.quoteDecimals': {
    one: '{symbol} amounts in {quote} take at most {count} decimal.',
    other: '{symbol} amounts in {quote} take at most {count} decimals.',
  },
  'ticketProblem.quoteBelowMinimum':
    'The smallest {symbol} order is {min} {base}; {amount} {quote} comes to only {volume} {base}.',
  'ticketProblem.quoteBelowLot':
    'At this price {amount} {quote} comes to less than {lot} {base}, the smallest {symbol} amount.',
  'ticketProblem.quoteTooLong.integer': {
    one: '{amount} {quote} comes to {volume} {base}, more than the {count} digit before the decimal point an amount can have.',
    other:
      '{amount} {quote} comes to {volume} {base}, more than the {count} digits before the decimal point an amount can have.',
  },
  'ticketProblem.quoteTooLong.fraction': {
    one: '{amount} {quote} comes to {volume} {base}, more than the {count} digit after the decimal point an amount can have.',
    other:
      '{amount} {quote} comes to {volume} {base}, more than the {count} digits after the decimal point an amount can have.',
  },
  'ticketProblem.roughEstimate':
    'There is no live {symbol} order book yet, so this estimate uses the last price {price} and may be off.',
  'ticketProblem.beyondBook':
    'This order is larger than the visible {symbol} book, so the part beyond it is estimated at {price} {quote}.',
  'ticketProblem.pairLoading': 'The details of {symbol} are not loaded yet.',
  'ticketProblem.pairLoadingNone': 'The details of this pair are not loaded yet.',
  'ticketProblem.trailOffset.required': 'Enter a trailing offset.',
  'ticketProblem.trailOffset.notANumber': 'The trailing offset must be a number like {example}.',
  'ticketProblem.trailOffset.notPositive': 'The trailing offset must be above zero.',
  'ticketProblem.trailOffset.tick': 'The trailing offset must be a multiple of {tick} {quote}.',
  'ticketProblem.limitOffset.required': 'Enter a limit offset.',
  'ticketProblem.limitOffset.notANumber': 'The limit offset must be a number like {example}.',
  'ticketProblem.limitOffset.notPositive': 'The limit offset must be above zero.',
  'ticketProblem.limitOffset.tick': 'The limit offset must be a multiple of {tick} {quote}.',
  'ticketProblem.percentDecimals': 'A percentage takes at most 2 decimals (Kraken’s “+5.25%”).',
  'ticketProblem.percentBelow100': 'A percentage offset must be below 100.',
  'ticketProblem.postOnlyLimitOnly': 'Post-only applies to limit orders only.',
  'ticketProblem.iocLimitOnly': 'Immediate-or-cancel applies to limit orders only.',
  'ticketProblem.fokLimitOnly': 'Fill-or-kill applies to limit orders only.',
  'ticketProblem.postOnlyIoc':
    'A post-only order cannot be immediate-or-cancel, because it never trades on arrival and would always be cancelled.',
  'ticketProblem.postOnlyFok':
    'A post-only order cannot be fill-or-kill, because it never trades on arrival and would always be cancelled.',
  'ticketProblem.postOnlyCross.buy':
    'A post-only buy at {price} would trade at once against the best ask of {best} {quote}, so Kraken would cancel it.',
  'ticketProblem.postOnlyCross.sell':
    'A post-only sell at {price} would trade at once against the best bid of {best} {quote}, so Kraken would cancel it.',
  'ticketProblem.triggerNow.below':
    'The last {symbol} price {last} is already at or below this trigger, so the {type} would fire at once.',
  'ticketProblem.triggerNow.above':
    'The last {symbol} price {last} is already at or above this trigger, so the {type} would fire at once.',
  'ticketProblem.triggerNow.below.buy':
    'The last {symbol} price {last} is already at or below this trigger, so the {type} would fire at once as a market buy.',
  'ticketProblem.triggerNow.below.sell':
    'The last {symbol} price {last} is already at or below this trigger, so the {type} would fire at once as a market sell.',
  'ticketProblem.triggerNow.above.buy':
    'The last {symbol} price {last} is already at or above this trigger, so the {type} would fire at once as a market buy.',
  'ticketProblem.triggerNow.above.sell':
    'The last {symbol} price {last} is already at or above this trigger, so the {type} would fire at once as a market sell.',
  'ticketProblem.expiry.market': 'A market order fills now: it cannot wait for a date.',
  'ticketProblem.expiry.required': 'Enter when the order expires.',
  'ticketProblem.expiry.notATime': 'The expiry must be a date and a time.',
  'ticketProblem.expiry.past': 'That time has passed (or is under a minute away): choose a later one.',
  'ticketProblem.expiry.tooFar':
    'Kraken keeps a good-till-date order for at most a month: choose an earlier time.',
  'ticketProblem.close.required': 'Enter the {type}’s trigger price.',
  'ticketProblem.close.notANumber': 'The close price must be a number like {example}.',
  'ticketProblem.close.notPositive': 'The close price must be above zero.',
  'ticketProblem.close.tick': 'The close price must be a multiple of {tick} {quote}.',
  'ticketProblem.close.atOnce.above':
    'This {type} is at or above the price the order fills at (about {price} {quote}), so it would fire as soon as the order has filled.',
  'ticketProblem.close.atOnce.below':
    'This {type} is at or below the price the order fills at (about {price} {quote}), so it would fire as soon as the order has filled.',
} as const;
