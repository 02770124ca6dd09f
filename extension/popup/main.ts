import { mount } from 'svelte';
import '../../shared/ui/theme.css';
import Popup from './Popup.svelte';

mount(Popup, { target: document.getElementById('popup')! });
