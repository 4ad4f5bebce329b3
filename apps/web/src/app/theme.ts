import type { ThemeConfig } from 'antd';

/** Clinical, dense and calm: one blue-teal accent, small radii, compact tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b6e99',
    colorInfo: '#0b6e99',
    borderRadius: 4,
    fontSize: 13,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Layout: { siderBg: '#0f2a3d', headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 16px', triggerBg: '#0c2232' },
    Menu: { darkItemBg: '#0f2a3d', darkSubMenuItemBg: '#0c2232', darkItemSelectedBg: '#0b6e99' },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f7f9fb' },
    Card: { paddingLG: 16 },
  },
};
