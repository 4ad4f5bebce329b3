import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { migrate, migrationVersion } from './db/migrate.js';
import { openDb } from './db/open.js';
import { type Clock, systemClock } from './http/clock.js';
import { frameworkErrors, installErrorHandling } from './http/error-handler.js';
import { logSerializers } from './http/log.js';
import { createRouter, type RouteInfo } from './http/route.js';
import { createJobQueue, type JobQueue } from './jobs/queue.js';
import { createAuditService, registerAuditRoutes } from './domains/audit/index.js';
import { createAuthService, registerAuthRoutes, SESSION_COOKIE } from './domains/auth/index.js';
import { createInstitutionService, registerInstitutionRoutes, scopeOf } from './domains/institutions/index.js';
import { createUserService, registerUserRoutes } from './domains/users/index.js';
import { createAgreementService, registerAgreementRoutes } from './domains/agreements/index.js';
import { createDispatchService, registerDispatchRoutes } from './domains/dispatch/index.js';
import { createEducationService, registerEducationRoutes } from './domains/education/index.js';
import { createMetricsService, createPdfRenderer, registerMetricsRoutes } from './domains/metrics/index.js';
import { createReportService, registerReportRoutes } from './domains/metrics/reports/index.js';
import { createTrainingService, registerTrainingRoutes } from './domains/training/index.js';
import { createDocumentService, registerDocumentRoutes } from './domains/documents/index.js';
import { createNotificationService, registerNotificationRoutes } from './domains/notifications/index.js';
import { createPatientService, registerPatientRoutes } from './domains/patients/index.js';
import { createConsultService, registerConsultRoutes } from './domains/consults/index.js';
import { createNotifier } from './domains/notifications/index.js';
import { createReferralDomain, registerReferralRoutes } from './domains/referrals/index.js';
import { consultVisibleTo } from './domains/consults/index.js';

export interface AppOptions {
  config: Config;
  /** An already open database (tests); otherwise opened from the config. */
  db?: Db;
  clock?: Clock;
  logger?: boolean;
}

export interface App {
  app: FastifyInstance;
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  routes: RouteInfo[];
  services: ReturnType<typeof buildServices>;
  close(): Promise<void>;
}

/** The one place that wires database, services and routes. */
function buildServices(config: Config, db: Db, clock: Clock, jobs: JobQueue) {
  const audit = createAuditService({ db, clock, scopeOf });
  const auth = createAuthService({
    db,
    clock,
    audit,
    settings: { sessionTtlHours: config.sessionTtlHours, maxFailures: config.loginMaxFailures, failureWindowMinutes: config.loginWindowMinutes },
  });
  const institutions = createInstitutionService({ db, clock, audit });
  const users = createUserService({ db, clock, audit });
  void jobs;
  const pdf = createPdfRenderer();
  const dispatch = createDispatchService({ db, clock, audit });
  const training = createTrainingService({ db, clock, audit, pdf });
  const education = createEducationService({ db, clock, audit });
  const metrics = createMetricsService({ db, clock, audit, jobs });
  const reports = createReportService({ db, clock, audit, metrics, pdf });
  const documents = createDocumentService({ db, clock, audit, filesDir: config.filesDir });
  const agreements = createAgreementService({ db, clock, audit, documents });
  const patients = createPatientService({ db, clock, audit, secretKey: config.secretKey, documents });
  const notifications = createNotificationService({ db, clock, jobs });
  const consults = createConsultService({ db, clock, audit, jobs, patients, documents, notifications });
  const referrals = createReferralDomain({ db, clock, jobs, audit, notifier: createNotifier({ jobs, clock }), documents, consultVisible: (q, institutionId, consultId) => consultVisibleTo(q, consultId, institutionId) });
  return { audit, auth, institutions, users, agreements, pdf, dispatch, training, education, metrics, reports, documents, patients, notifications, referrals, consults };
}

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolSize: config.dbPoolSize }));
  await migrate(db);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, serializers: logSerializers, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Yilian (医联) API', version: '0.1.0', description: 'Cross-regional hospital partnerships' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const jobs = createJobQueue({ db, clock, onError: (error, job) => app.log.error({ err: error, job }, 'job failed') });
  const services = buildServices(config, db, clock, jobs);
  const routes: RouteInfo[] = [];
  const router = createRouter(
    app,
    (req) => {
      const bearer = bearerToken(req);
      const cookieToken = req.cookies[SESSION_COOKIE];
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
      return services.auth.authenticate(bearer ?? cookieToken, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
        csrfHeader: req.headers['x-csrf-token'] as string | undefined,
        // Bearer tokens are not sent by browsers on their own, so only cookie writes need the CSRF token.
        checkCsrf: unsafe && !bearer,
      });
    },
    routes,
  );

  router.publicRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness, database kind and migration version',
    tags: ['system'],
    handler: async () => ({ status: 'ok', database: db.kind, migrationVersion: await migrationVersion(db), time: clock.now().toISOString() }),
  });
  registerAuthRoutes(router, services.auth, { secureCookies: config.secureCookies, sessionTtlHours: config.sessionTtlHours });
  registerInstitutionRoutes(router, services.institutions);
  registerUserRoutes(router, services.users);
  registerAuditRoutes(router, services.audit);
  registerAgreementRoutes(router, services.agreements);
  registerDispatchRoutes(router, services.dispatch);
  registerTrainingRoutes(router, services.training);
  registerEducationRoutes(router, services.education);
  registerMetricsRoutes(router, services.metrics);
  registerReportRoutes(router, services.reports);
  app.addHook('onClose', () => services.pdf.close());
  registerDocumentRoutes(router, services.documents);
  registerPatientRoutes(router, services.patients);
  registerNotificationRoutes(router, services.notifications);
  registerConsultRoutes(router, services.consults);
  registerReferralRoutes(router, services.referrals);

  const webDist = resolve(config.webDist ?? join(import.meta.dirname, '../../web/dist'));
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Client-side routes fall back to index.html; unknown /api and /fhir paths stay 404 JSON.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/fhir/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }

  return {
    app,
    db,
    clock,
    jobs,
    routes,
    services,
    async close() {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}
