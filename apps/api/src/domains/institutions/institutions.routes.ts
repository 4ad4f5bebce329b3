import {
  AddBedsInput,
  CreateDepartmentInput,
  CreateInstitutionInput,
  CreatePractitionerInput,
  CreateWardInput,
  IdParams,
  InstitutionQuery,
  UpdateDepartmentInput,
  UpdateInstitutionInput,
  UpdatePractitionerInput,
} from '@yilian/contracts';
import type { Router } from '../../http/route.js';
import type { InstitutionService } from './institutions.service.js';

export function registerInstitutionRoutes(r: Router, s: InstitutionService): void {
  const tags = ['institutions'];
  r.route({ method: 'GET', url: '/api/institutions', summary: 'Search the institution network', tags, query: InstitutionQuery, handler: ({ actor, query }) => s.search(actor, query) });
  r.route({ method: 'GET', url: '/api/institutions/tree', summary: 'All institutions, for the network tree', tags, handler: ({ actor }) => s.tree(actor) });
  r.route({ method: 'GET', url: '/api/institutions/:id', summary: 'An institution with departments, wards/beds and practitioners', tags, params: IdParams, handler: ({ actor, params }) => s.detail(actor, params.id) });
  r.route({ method: 'POST', url: '/api/institutions', summary: 'Create an institution (admin over the parent)', tags, status: 201, body: CreateInstitutionInput, handler: ({ actor, body }) => s.create(actor, body) });
  r.route({ method: 'PATCH', url: '/api/institutions/:id', summary: 'Edit an institution', tags, params: IdParams, body: UpdateInstitutionInput, handler: ({ actor, params, body }) => s.update(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/institutions/:id/departments', summary: 'Add a department', tags, status: 201, params: IdParams, body: CreateDepartmentInput, handler: ({ actor, params, body }) => s.createDepartment(actor, params.id, body) });
  r.route({ method: 'PATCH', url: '/api/departments/:id', summary: 'Edit a department', tags, params: IdParams, body: UpdateDepartmentInput, handler: ({ actor, params, body }) => s.updateDepartment(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/institutions/:id/wards', summary: 'Add a ward with beds', tags, status: 201, params: IdParams, body: CreateWardInput, handler: ({ actor, params, body }) => s.createWard(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/wards/:id/beds', summary: 'Add beds to a ward', tags, status: 201, params: IdParams, body: AddBedsInput, handler: ({ actor, params, body }) => s.addBeds(actor, params.id, body) });
  r.route({ method: 'POST', url: '/api/institutions/:id/practitioners', summary: 'Add a practitioner', tags, status: 201, params: IdParams, body: CreatePractitionerInput, handler: ({ actor, params, body }) => s.createPractitioner(actor, params.id, body) });
  r.route({ method: 'PATCH', url: '/api/practitioners/:id', summary: 'Edit a practitioner', tags, params: IdParams, body: UpdatePractitionerInput, handler: ({ actor, params, body }) => s.updatePractitioner(actor, params.id, body) });
}
