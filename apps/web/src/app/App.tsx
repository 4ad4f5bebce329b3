import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login.page';
import { NotFound, RequireAuth, RequireRole } from './guards';
import { createQueryClient } from './query-client';
import { FEATURE_ROUTES, HOME_PATH } from './routes';
import { AppShell } from './shell';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} componentSize="middle">
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<RequireAuth />}>
                <Route element={<AppShell />}>
                  <Route index element={<Navigate to={HOME_PATH} replace />} />
                  {FEATURE_ROUTES.map((r) => (
                    <Route key={r.path} path={r.path} element={<RequireRole roles={r.roles ?? r.nav?.roles}>{r.element}</RequireRole>} />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
