/**
 * A curated lexicon of customer-service predicates, nouns and modifiers: other words real users type for the
 * same request ("cancel my booking" / "call off my booking", "top up my card" / "add money to my card", "block
 * my card" / "freeze my card", "my parcel is missing" / "my parcel is lost"). Each entry was checked by hand for
 * the sense it has in a service request; a replacement that only fits some objects names them (`[...]`): "call
 * off" fits an event (a booking, an appointment), not a card. WordNet's general synonym lists measured harmful
 * on every real test set (issue 27), so nothing here is generated from them.
 *
 * Format, one entry a line: `word => replacement [object classes or words] | replacement ...`. Verbs are in base
 * form (their inflections are matched and re-inflected), nouns in the singular (plurals follow), adjectives and
 * adverbs as written. A replacement marked `*` is plural (used only where no singular verb agrees with it).
 */

/** Object classes a replacement may name (a word of the object, after the verb, within a few words). */
export const OBJECT_CLASSES: Readonly<Record<string, string>> = {
  EVENT:
    'booking reservation appointment meeting trip flight visit lesson class session party event tour consultation dinner rental ride checkup check-up cleaning viewing interview test',
  SERVICE:
    'subscription membership plan service contract policy insurance debit order delivery transfer payment payments package deal',
  ONGOING: 'subscription membership plan contract policy service insurance',
  RESERVABLE:
    'table room seat ticket tickets car spot place flight hotel bed cabin court lane slot appointment session class lesson tour',
  DETAILS:
    'address details email e-mail phone number name password pin info information profile surname username',
  MONEY: 'money funds cash payment balance amount dollars euros pounds bucks',
  DOCUMENT:
    'receipt invoice statement document documents form copy confirmation ticket tickets bill policy contract certificate',
  PERSON:
    'agent person human someone somebody manager supervisor representative advisor rep staff support team operator',
  SHIPMENT: 'order package parcel delivery shipment item items purchase',
  CARD: 'card cards account phone sim line',
  THING:
    'phone car tire tyre screen laptop bike door window heating boiler sink toilet shower router tv fridge washer dryer lock light lights',
};

export const SERVICE_VERBS = `
cancel => call off [EVENT] | scrap [EVENT order] | stop [SERVICE] | end [ONGOING] | drop [class course subscription membership plan]
book => reserve [RESERVABLE EVENT] | schedule [appointment meeting visit session lesson class consultation call service checkup check-up cleaning viewing] | set up [appointment meeting call consultation viewing]
reserve => book | hold [table room seat spot place car]
schedule => book [EVENT] | set up [EVENT call] | arrange [EVENT call delivery pickup]
reschedule => move [EVENT] | rebook [EVENT] | change [EVENT]
move => reschedule [appointment meeting booking reservation session lesson class visit] | transfer [MONEY]
postpone => push back [EVENT delivery payment] | delay [EVENT delivery payment]
change => update [DETAILS] | switch [plan card seat room car tariff provider supplier] | modify [booking reservation order details plan] | amend [booking order details address reservation]
update => change [DETAILS] | edit [details profile info information address] | correct [details address name spelling]
top up => add money to | put money on | load money onto | recharge [phone sim mobile]
block => freeze [card account] | lock [card account phone] | stop [card payment cheque check transaction]
freeze => block [card account] | lock [card account] | suspend [account card membership]
unblock => unlock [card account phone sim] | unfreeze [card account] | reactivate [card account sim]
unfreeze => unblock [card account] | unlock [card account]
pay => settle [bill balance invoice fee fine debt account] | pay off [balance loan debt bill card mortgage] | clear [balance debt bill invoice]
transfer => move [MONEY] | send [MONEY]
send => transfer [MONEY] | wire [money funds cash] | email [receipt invoice statement document form copy confirmation ticket]
check => see [balance status statement bill order account history points score limit transactions rate booking reservation] | view [balance status statement bill account history points transactions] | look up [balance status points score rate] | look at [balance statement bill history transactions]
see => view [balance statement bill history transactions points account] | check [balance statement bill history transactions points account status]
view => see | check [balance statement bill history transactions points account status]
find => locate [order package parcel luggage bag phone car branch store office] | look for | track down [order package parcel luggage bag]
track => trace [SHIPMENT payment transfer] | follow [SHIPMENT]
get => receive [refund reimbursement receipt invoice statement copy confirmation money payment] | obtain [refund reimbursement receipt copy certificate]
receive => get
return => send back [SHIPMENT product shoes jacket dress shirt] | bring back [car vehicle rental book key keys bike] | drop off [car vehicle rental key keys bike]
rent => hire [car van bike vehicle boat scooter truck equipment locker]
hire => rent [car van bike vehicle boat scooter truck equipment locker]
order => get | buy | purchase
buy => purchase | get
purchase => buy
open => set up [account] | create [account profile]
close => shut down [account] | terminate [account contract]
delete => remove | erase [data history message messages photo photos file files]
remove => delete [card item address account profile photo message] | get rid of
reset => change [password pin passcode] | recover [password account]
report => flag [charge transaction payment problem issue fraud scam]
replace => swap [card part tire tyre battery item filter]
renew => extend [membership subscription lease rental policy contract license licence visa]
extend => renew [membership subscription lease policy contract]
join => sign up for [class gym program programme course club plan membership newsletter waitlist list session team event] | enroll in [class course program programme]
sign up => register
register => sign up
log in => sign in | log on
log into => sign into
log out => sign out
contact => reach | get in touch with | talk to [PERSON] | speak to [PERSON]
speak => talk
talk => speak
fix => repair [THING] | sort out
repair => fix
confirm => verify [booking reservation order identity details address email payment] | double-check [booking reservation order details time appointment]
verify => confirm
activate => enable [feature notifications alerts autopay account] | set up [account sim card phone line plan service]
deactivate => disable [feature notifications alerts autopay] | turn off [feature notifications alerts autopay] | close [account]
request => ask for
claim => get [refund reimbursement money points reward bonus compensation]
dispute => challenge [charge transaction payment fee bill fine] | contest [charge fine bill fee ticket]
withdraw => take out [MONEY]
deposit => pay in [money cash cheque check] | put in [money cash cheque check]
download => save [statement receipt invoice ticket photo file]
upload => send [document documents photo photos file files id] | submit [document documents form claim photo file application]
submit => send in [form claim application document request report photo receipt] | file [claim complaint report]
file => submit [claim complaint report] | make [claim complaint]
lose => misplace [card phone wallet keys key passport bag ticket luggage id license licence]
decline => reject | refuse
arrive => come | turn up | show up [package order parcel delivery driver technician taxi car food]
charge => bill
suspend => pause [membership subscription account plan service delivery] | freeze [membership subscription account]
pause => freeze [membership subscription account plan] | suspend [membership subscription account plan service delivery]
pick up => collect [order package parcel car keys key prescription ticket tickets bike]
drop off => return [car vehicle rental key keys bike] | leave [car key keys package parcel bag luggage]
deliver => bring | drop off
recommend => suggest
suggest => recommend
switch => change | move
raise => increase [limit temperature volume speed]
increase => raise [limit temperature volume speed price]
lower => reduce [limit price bill payment temperature volume speed premium rate] | decrease [limit temperature volume speed]
reduce => lower | cut [bill cost costs price payment premium]
call => phone [mom dad mum wife husband friend bank office support doctor someone agent me] | ring [mom dad mum wife husband friend bank office doctor me]
play => put on [music song songs playlist album podcast radio track tracks jazz rock pop]
turn on => switch on
turn off => switch off
`;

export const SERVICE_NOUNS = `
booking => reservation
reservation => booking
appointment => booking | visit
refund => reimbursement
bill => invoice
invoice => bill
order => purchase
package => parcel | delivery
parcel => package | delivery
delivery => shipment
shipment => delivery | package
pin => pin number | pin code
money => cash | funds*
cash => money
fee => charge
charge => transaction | payment
transaction => payment | charge | purchase
price => cost
cost => price
problem => issue
issue => problem
mistake => error
error => mistake
car => vehicle
vehicle => car
phone => mobile | cell phone
mobile => phone
membership => subscription
subscription => membership
agent => representative | advisor
representative => agent
human => real person
manager => supervisor
supervisor => manager
discount => deal | reduction
coupon => voucher | promo code | discount code
voucher => coupon
store => shop
shop => store
branch => location | office
luggage => baggage
baggage => luggage
suitcase => bag
trip => journey
holiday => vacation
vacation => holiday
application => request
information => info
info => information
question => query
query => question
website => site
laptop => computer
tv => television
television => tv
internet => wifi | connection
wifi => internet
signal => reception
gas => fuel
petrol => fuel
trainer => coach | instructor
instructor => trainer | teacher
class => session
session => class
gym => fitness center
drink => beverage
medicine => medication
medication => medicine
pill => tablet
kid => child
child => kid
`;

export const SERVICE_MODIFIERS = `
broken => faulty | damaged
damaged => broken
wrong => incorrect
incorrect => wrong
late => delayed
delayed => late
missing => lost
expensive => pricey | costly
cheap => inexpensive | affordable
quick => fast
fast => quick
quickly => fast
old => previous
current => existing | present
nearest => closest
closest => nearest
twice => two times
recently => lately
unknown => unfamiliar | unrecognized
strange => weird | odd
weird => strange | odd
extra => additional
additional => extra
`;
