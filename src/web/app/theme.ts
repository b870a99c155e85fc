// The Mantine theme: calm indigo, rounded corners, system fonts.
import { createTheme, PasswordInput, Select, TextInput, type MantineColorsTuple } from '@mantine/core';

/**
 * Descriptions under the field, so side-by-side inputs line up. No asterisk:
 * required fields say so when left empty, and labels stay exactly their text.
 */
const inputWrapperOrder: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

const relais: MantineColorsTuple = [
  '#eef0ff',
  '#dcdefa',
  '#b5b9f0',
  '#8c92e7',
  '#6a70df',
  '#545bdb',
  '#4850da',
  '#3941c2',
  '#3139ae',
  '#26309a',
];

/** A slightly cool dark palette with brighter text than Mantine's default. */
const dark: MantineColorsTuple = [
  '#e4e6eb',
  '#c3c6ce',
  '#9094a0',
  '#6c707c',
  '#474b56',
  '#3a3d47',
  '#2d3039',
  '#23252d',
  '#1b1d23',
  '#131419',
];

export const theme = createTheme({
  primaryColor: 'relais',
  primaryShade: { light: 6, dark: 5 },
  colors: { relais, dark },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '650',
  },
  components: {
    TextInput: TextInput.extend({ defaultProps: { inputWrapperOrder, withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { inputWrapperOrder, withAsterisk: false } }),
    Select: Select.extend({ defaultProps: { inputWrapperOrder, withAsterisk: false } }),
  },
});
