import { describe, expect, it } from 'vitest';
import { ALERT_EVENTS, findEvent } from './event-codes.ts';

// The event codes of the CAP-CP Event References list (valueName `profile:CAP-CP:Event:0.4`, at most
// 12 characters, hence `drinkingWate`). Public Safety Canada's own list (capcp/index-en.aspx) is not in
// the reference material reachable from here; this is the list as two independent public
// implementations transcribe it, which agree on every code below: the CAP-CP → SAME table of the NAAD
// relay QuantumENDEC (github.com/ApatheticDELL/QuantumENDEC, `CapEventToSameEvent`) and a Python
// `EventCode` enum carrying the list's English names (e.g. `electric` = "Electricity Supply",
// `drinkingWate` = "Drinking Water", `roadClose` = "Roadway Closure").
const CAP_CP_EVENTS = new Set(
  `911Service accident admin airQuality aircraft aircraftCras airportClose airspaceClos amber ambulance
  animalDang animalDiseas animalFeed animalHealth arcticOut avalanche aviation biological blizzard
  bloodSupply blowingSnow bridgeClose cable chemical civil civilEmerg civilEvent cold coldWave crime
  cyberCrime damBreach damOverflow dangerPerson demonstration diesel drinkingWate drugSafety drugSupply
  dustStorm earthquake electric emergFacil emergSupport evacuation explosive facility fallObject fire
  flashFlood flashFreeze flood fog foodSafety foodSupply forestFire freezeDrzl freezeRain freezngSpray
  frost galeWind gasoline geophysical hazmat health heat heatHumidity heatWave heatingOil highWater
  homeCrime hospital hurricFrcWnd hurricane ice icePressure iceberg industCrime industryFire infectious
  internet lahar landslide lavaFlow magnetStorm marine marineSecure meteor missingPer missingVPer
  naturalGas nautical notam other overflood plant plantInfect product publicServic pyroclaSurge
  pyroclasFlow radiological railway rainfall rdCondition reminder rescue retailCrime road roadClose
  roadDelay roadUsage rpdCloseLead satellite schoolBus schoolClose schoolLock sewer silver snowSquall
  snowfall spclIce spclMarine squall storm stormFrcWnd stormSurge strike strongWind telephone
  temperature terrorism testMessage thunderstorm tornado traffic train transit tropStorm tsunami
  urbanFire utility vehicleCrime volcanicAsh volcano volunteer warfareMater waste water waterPollut
  waterQuality waterspout weather wildFire wind windchill winterStorm`.split(/\s+/),
);

describe('CAP-CP event codes', () => {
  it.each(ALERT_EVENTS.map((e) => [e.code]))('%s is a code of the CAP-CP event list', (code) => {
    expect(CAP_CP_EVENTS.has(code)).toBe(true);
    expect(code.length).toBeLessThanOrEqual(12);
  });

  it('offers the events the issue names: boil water, flood, fire, power outage, road closure', () => {
    for (const code of ['drinkingWate', 'flood', 'urbanFire', 'electric', 'roadClose']) {
      expect(findEvent(code)?.code).toBe(code);
    }
    expect(findEvent('powerOutage')).toBeUndefined();
  });

  it('names every event in French and English, once per code', () => {
    expect(new Set(ALERT_EVENTS.map((e) => e.code)).size).toBe(ALERT_EVENTS.length);
    for (const e of ALERT_EVENTS) expect(e.name.fr && e.name.en).toBeTruthy();
  });
});
