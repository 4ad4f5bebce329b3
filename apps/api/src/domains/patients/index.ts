export {
  assertCanSeePatient,
  canSeePatient,
  createPatientService,
  findPatientDto,
  grantPatientAccess,
  type PatientService,
  patientNotFound,
  recordConsent,
} from './patients.service.js';
export { registerPatientRoutes } from './patients.routes.js';
