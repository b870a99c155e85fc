// A handful of line icons (24×24, stroke = currentColor), so the app needs no
// icon package. Decorative: hidden from assistive technology.
import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number | string };

function icon(...paths: string[]) {
  return function Icon({ size = 18, strokeWidth = 1.8, ...props }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  };
}

export const IconUser = icon('M12 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8', 'M6 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2');
export const IconBuilding = icon(
  'M3 21h18',
  'M5 21V7l8-4v18',
  'M19 21V11l-6-4',
  'M9 9v.01',
  'M9 12v.01',
  'M9 15v.01',
  'M9 18v.01',
);
export const IconUsers = icon(
  'M9 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8',
  'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
  'M16 3.13a4 4 0 0 1 0 7.75',
  'M21 21v-2a4 4 0 0 0-3-3.85',
);
export const IconMail = icon('M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z', 'M3 7l9 6l9-6');
export const IconSend = icon('M10 14L21 3', 'M21 3l-6.5 18a.55.55 0 0 1-1 0L10 14l-7-3.5a.55.55 0 0 1 0-1L21 3');
export const IconKey = icon('M8 11a4 4 0 1 0 0 8a4 4 0 1 0 0-8', 'M10.85 12.15L19 4', 'M18 5l2 2', 'M15 8l2 2');
export const IconHistory = icon('M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4', 'M3 20v-5h5');
export const IconServer = icon(
  'M5 4h14a2 2 0 0 1 2 2v2a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  'M5 14h14a2 2 0 0 1 2 2v2a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2a2 2 0 0 1 2-2z',
  'M7 7v.01',
  'M7 17v.01',
);
export const IconSun = icon(
  'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8',
  'M12 2v2',
  'M12 20v2',
  'M4.93 4.93l1.41 1.41',
  'M17.66 17.66l1.41 1.41',
  'M2 12h2',
  'M20 12h2',
  'M4.93 19.07l1.41-1.41',
  'M17.66 6.34l1.41-1.41',
);
export const IconMoon = icon('M21 12.79A9 9 0 1 1 11.21 3A7 7 0 0 0 21 12.79z');
export const IconLanguage = icon('M4 5h7', 'M9 3v2c0 4.42-2.24 8-5 8', 'M5 9c0 2.14 2.95 3.91 6.7 4', 'M12 20l4-9l4 9', 'M19.1 18h-6.2');
export const IconLogout = icon(
  'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2',
  'M9 12h12l-3-3',
  'M18 15l3-3',
);
export const IconSelector = icon('M8 9l4-4l4 4', 'M16 15l-4 4l-4-4');
export const IconChevronDown = icon('M6 9l6 6l6-6');
export const IconPlus = icon('M12 5v14', 'M5 12h14');
export const IconCopy = icon(
  'M10 8h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z',
  'M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2',
);
export const IconCheck = icon('M5 12l5 5L20 7');
export const IconTrash = icon(
  'M4 7h16',
  'M10 11v6',
  'M14 11v6',
  'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12',
  'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3',
);
export const IconAlert = icon(
  'M12 9v4',
  'M12 17h.01',
  'M10.29 3.86L1.82 18a2 2 0 0 0 1.71 3h16.94a2 2 0 0 0 1.71-3L13.71 3.86a2 2 0 0 0-3.42 0z',
);
export const IconLock = icon('M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z', 'M8 11V7a4 4 0 0 1 8 0v4');
export const IconRefresh = icon('M20 11A8.1 8.1 0 0 0 4.5 9', 'M4 5v4h4', 'M4 13a8.1 8.1 0 0 0 15.5 2', 'M20 19v-4h-4');
export const IconInbox = icon(
  'M4 13h3l3 3h4l3-3h3',
  'M6 4h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
);
export const IconClock = icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M12 7v5l3 3');
export const IconCircleCheck = icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M9 12l2 2l4-4');
export const IconCircleX = icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M10 10l4 4', 'M14 10l-4 4');
export const IconShield = icon('M12 3a12 12 0 0 0 8.5 3A12 12 0 0 1 12 21A12 12 0 0 1 3.5 6A12 12 0 0 0 12 3', 'M12 11v.01', 'M12 8v.01');
export const IconCompass = icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M8 16l2-6l6-2l-2 6z');
export const IconRelay = icon('M5 9h13l-3.5-3.5', 'M19 15H6l3.5 3.5');
export const IconSettings = icon(
  'M4 6h8',
  'M16 6h4',
  'M14 4a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
  'M4 12h2',
  'M10 12h10',
  'M8 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
  'M4 18h11',
  'M19 18h1',
  'M17 16a2 2 0 1 0 0 4a2 2 0 1 0 0-4',
);
export const IconX = icon('M18 6L6 18', 'M6 6l12 12');
export const IconBroadcast = icon('M18.36 19.36a9 9 0 1 0-12.72 0', 'M15.54 16.54a5 5 0 1 0-7.08 0', 'M12 12a1 1 0 1 0 0 2a1 1 0 1 0 0-2');
export const IconPlug = icon(
  'M7 12l5 5l-1.5 1.5a3.54 3.54 0 1 1-5-5z',
  'M17 12l-5-5l1.5-1.5a3.54 3.54 0 1 1 5 5z',
  'M3 21l2.5-2.5',
  'M18.5 5.5L21 3',
  'M10 11l-2 2',
  'M13 14l-2 2',
);
export const IconUnlink = icon(
  'M17 22v-2',
  'M9 15l6-6',
  'M11 6l.46-.54a5 5 0 0 1 7.07 7.07l-.53.47',
  'M13 18l-.4.53a5.07 5.07 0 0 1-7.12 0a4.97 4.97 0 0 1 0-7.07l.52-.46',
  'M20 17h2',
  'M2 7h2',
  'M7 2v2',
);
export const IconExternalLink = icon('M12 6H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6', 'M11 13l9-9', 'M15 4h5v5');
// Publishing calendar.
export const IconCalendar = icon(
  'M6 5h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
  'M16 3v4',
  'M8 3v4',
  'M4 11h16',
);
export const IconChevronLeft = icon('M15 6l-6 6l6 6');
export const IconChevronRight = icon('M9 6l6 6l-6 6');
export const IconDownload = icon('M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5l5-5', 'M12 4v12');
export const IconPencil = icon('M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4', 'M13.5 6.5l4 4');
export const IconHourglass = icon('M6.5 7h11', 'M6.5 17h11', 'M6 20v-2a6 6 0 1 1 12 0v2a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1z', 'M6 4v2a6 6 0 1 0 12 0V4a1 1 0 0 0-1-1H7a1 1 0 0 0-1 1z');
export const IconFilter = icon('M4 4h16v2.17a2 2 0 0 1-.59 1.42L15 12v7l-6 2v-8.5L4.52 7.59A2 2 0 0 1 4 6.24z');
// Composer kit: brand voice, templates, hashtags.
export const IconSpeakerphone = icon('M18 8a3 3 0 0 1 0 6', 'M10 8v11a1 1 0 0 1-1 1h-1a1 1 0 0 1-1-1v-5', 'M12 8l4.62-3.85A.9.9 0 0 1 18 4.84v12.32a.9.9 0 0 1-1.38.69L12 14H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1h8');
export const IconTemplate = icon('M5 4h14a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1', 'M5 12h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1', 'M16 12h4', 'M16 16h4', 'M16 20h4');
export const IconHash = icon('M5 9h14', 'M5 15h14', 'M11 4L7 20', 'M17 4l-4 16');
// Media library
export const IconPhoto = icon('M15 8h.01', 'M3 6a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3z', 'M3 16l5-5c.93-.9 2.07-.9 3 0l5 5', 'M14 14l1-1c.93-.9 2.07-.9 3 0l3 3');
export const IconVideo = icon('M15 10l4.55-2.28A1 1 0 0 1 21 8.62v6.76a1 1 0 0 1-1.45.9L15 14z', 'M3 8a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z');
export const IconUpload = icon('M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 9l5-5l5 5', 'M12 4v12');
export const IconSearch = icon('M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14', 'M21 21l-6-6');
// Notifications and client approval links (Tabler paths).
export const IconBell = icon('M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6', 'M9 17v1a3 3 0 0 0 6 0v-1');
export const IconMessage = icon('M8 9h8', 'M8 13h6', 'M18 4a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-5l-5 3v-3H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z');
export const IconShare = icon('M6 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6', 'M18 3a3 3 0 1 0 0 6a3 3 0 1 0 0-6', 'M18 15a3 3 0 1 0 0 6a3 3 0 1 0 0-6', 'M8.7 10.7l6.6-3.4', 'M8.7 13.3l6.6 3.4');
// Feeds (Tabler paths).
export const IconRss = icon('M4 19a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M4 4a16 16 0 0 1 16 16', 'M4 11a9 9 0 0 1 9 9');
export const IconPlayerPause = icon('M6 6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1z', 'M14 6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1z');
export const IconPlayerPlay = icon('M7 4v16l13-8z');
export const IconList = icon('M9 6h11', 'M9 12h11', 'M9 18h11', 'M5 6v.01', 'M5 12v.01', 'M5 18v.01');
export const IconDots = icon('M4 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M11 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M18 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0');
// Inbox (Tabler paths).
export const IconFlag = icon('M5 14h14l-4.5-4.5L19 5H5', 'M5 21V4');
export const IconHeart = icon('M19.5 12.57L12 20l-7.5-7.43A5 5 0 1 1 12 6.01a5 5 0 1 1 7.5 6.57');
export const IconTag = icon('M7.5 7.5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M3 6v5.17a2 2 0 0 0 .59 1.42l7.71 7.71a2.41 2.41 0 0 0 3.4 0l5.6-5.6a2.41 2.41 0 0 0 0-3.4l-7.71-7.71A2 2 0 0 0 11.17 3H6a3 3 0 0 0-3 3');
export const IconBan = icon('M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M5.7 5.7l12.6 12.6');
export const IconArrowBackUp = icon('M9 14l-4-4l4-4', 'M5 10h11a4 4 0 1 1 0 8h-1');
export const IconArrowLeft = icon('M5 12h14', 'M5 12l6 6', 'M5 12l6-6');
export const IconNote = icon('M13 20l7-7', 'M13 20v-6a1 1 0 0 1 1-1h6V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7');
export const IconKeyboard = icon('M2 8a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z', 'M6 10v.01', 'M10 10v.01', 'M14 10v.01', 'M18 10v.01', 'M6 14v.01', 'M18 14v.01', 'M10 14h4');
export const IconUserPlus = icon('M8 7a4 4 0 1 0 8 0a4 4 0 1 0-8 0', 'M16 19h6', 'M19 16v6', 'M6 21v-2a4 4 0 0 1 4-4h4');
